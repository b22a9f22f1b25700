import { frameworkJsonSchema } from "@/lib/framework/format";

/**
 * The JSON Schema of framework files, for editors and CI checks. Public: it describes the format
 * and holds nothing of the organisation (docs/framework.schema.json is the same document).
 */
export function GET() {
  return Response.json(frameworkJsonSchema(), {
    headers: { "content-type": "application/schema+json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
