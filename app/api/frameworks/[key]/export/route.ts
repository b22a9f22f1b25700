import { getViewer } from "@/lib/auth/session";
import { exportFrameworkVersion } from "@/lib/data/framework-files";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * A framework version as a JSON file: `?version=N`, or the latest published version. Anything the
 * viewer may not read, or that does not exist (including a version that is not a number), is not found.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return text("Sign in to export a framework.", 401);
  const { key } = await params;
  const version = new URL(request.url).searchParams.get("version");
  if (version !== null && !/^[1-9]\d{0,8}$/.test(version)) return text("Not found.", 404);
  try {
    const file = await exportFrameworkVersion(viewer, key, version === null ? undefined : Number(version));
    return new Response(file.text, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return text("Not found.", 404);
    throw err;
  }
}
