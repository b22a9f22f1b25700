import { getViewer } from "@/lib/auth/session";
import { exportPeopleCsv } from "@/lib/data/people-csv";
import { NotAllowedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in first.", { status: 401 });
  try {
    const csv = await exportPeopleCsv(viewer);
    const date = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="waymark-people-${date}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotAllowedError) return new Response("Not found.", { status: 404 });
    throw err;
  }
}
