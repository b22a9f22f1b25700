import { checkHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(
    health.ok ? { status: "ok", database: health.database } : { status: "unavailable", reason: health.reason },
    { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
