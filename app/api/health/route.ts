import { checkHealth, statementCount } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // The benchmark's statement count, only when the server was started to count (see lib/env.ts).
  if (new URL(request.url).searchParams.has("statements")) {
    const statements = await statementCount();
    if (statements !== null) return Response.json({ statements }, { headers: { "cache-control": "no-store" } });
  }
  const health = await checkHealth();
  return Response.json(
    health.ok ? { status: "ok", database: health.database } : { status: "unavailable", reason: health.reason },
    { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
