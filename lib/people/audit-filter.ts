import { z } from "zod";
import { calendarDateSchema } from "@/lib/validation";

const blankToUndefined = (v: unknown) => (v === "" || Array.isArray(v) ? undefined : v);

/** The audit page's filter, from its query string. */
export const auditFilterSchema = z.object({
  personId: z.preprocess(blankToUndefined, z.uuid().optional()),
  entityType: z.preprocess(blankToUndefined, z.enum(["user", "team", "framework_version", "assessment", "evidence", "promotion_case", "review_cycle", "placement"]).optional()),
  from: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
  to: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional()),
});

export function auditQuery(filter: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}
