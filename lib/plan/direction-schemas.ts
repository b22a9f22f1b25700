import { z } from "zod";
import type { FormFields } from "@/lib/validation";
import { ARCHETYPES, DIRECTION_LIMITS, LEANS, mixTotal, type ArchetypeMix } from "./archetypes";
import { CONTROL, typed } from "./schemas";

/** Direction input: the lean, why, and the archetype mix now and wanted. */

const share = z.preprocess(
  (v) => {
    const t = typed(v);
    return typeof t === "string" && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  },
  z.number("Use a whole number from 0 to 100.").int("Use a whole number from 0 to 100.").min(0, "Use a whole number from 0 to 100.").max(100, "Use a whole number from 0 to 100."),
);

const MIX_NAMES = { current: "Your mix now", wanted: "The mix you want" } as const;

/** A mix: all four shares blank for none, else four whole percentages summing to 100. */
function mix(which: keyof typeof MIX_NAMES) {
  return z
    .record(z.string(), z.unknown(), "Send a mix as its four shares.")
    .optional()
    .transform((raw, ctx): ArchetypeMix | null => {
      const values = ARCHETYPES.map((a) => typed(raw?.[a.key]));
      if (values.every((v) => v === "")) return null;
      const out: Partial<ArchetypeMix> = {};
      let ok = true;
      ARCHETYPES.forEach((a, i) => {
        const parsed = share.safeParse(values[i] === "" ? "0" : values[i]);
        if (parsed.success) out[a.key] = parsed.data;
        else {
          ok = false;
          ctx.addIssue({ code: "custom", path: [a.key], message: parsed.error.issues[0]!.message });
        }
      });
      if (!ok) return null;
      const total = mixTotal(out as ArchetypeMix);
      if (total !== 100) ctx.addIssue({ code: "custom", message: `${MIX_NAMES[which]} adds up to ${total}%: make the four shares add up to 100.` });
      return out as ArchetypeMix;
    });
}

/** The direction form's flat fields (`current.architect`, …) as the object the schema reads. */
export function readDirectionForm(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input) || "current" in input || "wanted" in input) return input;
  const f = input as FormFields;
  const side = (p: string) => Object.fromEntries(ARCHETYPES.map((a) => [a.key, f[`${p}.${a.key}`]]));
  return { revision: f.revision, lean: f.lean, frameworkKey: f.frameworkKey, reason: f.reason, current: side("current"), wanted: side("wanted") };
}

export const directionSchema = z.preprocess(
  readDirectionForm,
  z
    .object({
      revision: z.coerce.number("Reload the page: the form is missing its revision.").int().min(0).max(2_147_483_647),
      lean: z.preprocess((v) => (typed(v) === "" ? "undecided" : typed(v)), z.enum(LEANS.map((l) => l.value) as [string, ...string[]], "Choose one of the directions listed.")),
      frameworkKey: z.preprocess(typed, z.string("Choose a framework.").max(64, "Choose one of the frameworks listed.")),
      reason: z.preprocess(
        typed,
        z
          .string("Use text.")
          .max(DIRECTION_LIMITS.reason, `Keep the reason under ${DIRECTION_LIMITS.reason.toLocaleString("en")} characters.`)
          .refine((s) => !CONTROL.test(s), "Use text, not control characters."),
      ),
      current: mix("current"),
      wanted: mix("wanted"),
    })
    .superRefine((d, ctx) => {
      if (d.lean === "framework" && !d.frameworkKey) ctx.addIssue({ code: "custom", path: ["frameworkKey"], message: "Choose the framework you lean towards." });
    })
    .transform((d) => ({ ...d, lean: d.lean as (typeof LEANS)[number]["value"], frameworkKey: d.lean === "framework" ? d.frameworkKey : null })),
);
export type DirectionInput = z.output<typeof directionSchema>;
