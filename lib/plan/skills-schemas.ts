import { z } from "zod";
import type { FormFields } from "@/lib/validation";
import { CONTROL, CONTROL_OR_BREAK, typed } from "./schemas";
import { SKILL_LIMITS } from "./skills";

/** Skills inventory input, shared by its forms and the data-access layer. */

const MAX_INDEX = 500;

const oneLine = (max: number) =>
  z.preprocess(
    typed,
    z
      .string("Use text.")
      .max(max, `Use at most ${max} characters.`)
      .refine((s) => !CONTROL_OR_BREAK.test(s), "Use letters, not line breaks or control characters."),
  );

const longText = (max: number) =>
  z.preprocess(
    typed,
    z
      .string("Use text.")
      .max(max, `Keep it under ${max.toLocaleString("en")} characters.`)
      .refine((s) => !CONTROL.test(s), "Use text, not control characters."),
  );

/** A rating or target: blank for none, else a whole number from 1 to 5. */
const level = z.preprocess(
  (v) => {
    const t = typed(v);
    if (t === "") return null;
    if (typeof t === "string") return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    return t;
  },
  z.union([z.null(), z.number("Rate from 1 to 5.").int("Rate from 1 to 5.").min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5.")], "Rate from 1 to 5."),
);

/** An id sent back by a form: blank for a new row, else something that may be an id (the data layer checks whose). */
const rowId = z.preprocess((v) => (typed(v) === "" ? null : typed(v)), z.union([z.null(), z.string("Reload the page: this row's id is not one.").max(64, "Reload the page: this row's id is not one.")]));

const revision = z.coerce.number("Reload the page: the form is missing its revision.").int().min(0).max(2_147_483_647);

/** The indexes a flat form uses under a prefix ("skills.3.name" → 3), in order, bounded. */
function indexes(fields: FormFields, prefix: string): number[] {
  const found = new Set<number>();
  const re = new RegExp(`^${prefix}\\.(\\d{1,4})\\.`);
  for (const key of Object.keys(fields)) {
    const m = re.exec(key);
    if (m && Number(m[1]) < MAX_INDEX) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const isFlat = (input: unknown, listKey: string): input is FormFields => !!input && typeof input === "object" && !Array.isArray(input) && !(listKey in input);

/** The inventory form's flat fields (`areas.0.name`, `skills.4.rating`, …) as the object the schema reads. */
export function readSkillsForm(input: unknown): unknown {
  if (!isFlat(input, "skills")) return input;
  const f = input;
  const areaSlots = indexes(f, "areas");
  const areas: unknown[] = [];
  for (const i of areaSlots) areas[i] = { name: f[`areas.${i}.name`] };
  return {
    revision: f.revision,
    areas: Array.from(areas, (a) => a ?? { name: "" }),
    skills: indexes(f, "skills").map((j) => ({
      slot: j,
      id: f[`skills.${j}.id`],
      area: f[`skills.${j}.area`],
      name: f[`skills.${j}.name`],
      rating: f[`skills.${j}.rating`],
      target: f[`skills.${j}.target`],
    })),
  };
}

const skillRow = z.object(
  {
    /** The row's index in the form, so an error lands beside its field; the list's index otherwise. */
    slot: z.number().int().min(0).max(MAX_INDEX).optional(),
    id: rowId,
    area: z.coerce.number("Reload the page: this skill has no area.").int().min(0).max(MAX_INDEX),
    name: oneLine(SKILL_LIMITS.skillName),
    rating: level,
    target: level,
  },
  "Send each skill as its area, name, rating and target.",
);

const skillsObject = z
  .object({
    revision,
    areas: z.array(z.object({ name: oneLine(SKILL_LIMITS.areaName) }, "Send each area as its name."), "Send the areas as a list.").max(MAX_INDEX).transform((areas) => areas.map((a) => a.name)),
    skills: z.array(skillRow, "Send the skills as a list.").max(MAX_INDEX),
  })
  .transform((input, ctx) => {
    const at = (i: number) => input.skills[i]!.slot ?? i;
    const kept: { slot: number; id: string | null; area: string; name: string; rating: number | null; target: number | null }[] = [];
    const seen = new Map<string, Set<string>>();
    input.skills.forEach((s, i) => {
      if (!s.name) return; // a skill whose name is cleared is removed
      const area = input.areas[s.area];
      if (area === undefined) {
        ctx.addIssue({ code: "custom", path: ["skills", at(i), "name"], message: "Reload the page: this skill's area is not on the form." });
        return;
      }
      if (!area) {
        ctx.addIssue({ code: "custom", path: ["areas", s.area, "name"], message: "Name this area, or clear the names of its skills to remove them." });
        return;
      }
      const names = seen.get(area.toLowerCase()) ?? new Set<string>();
      if (names.has(s.name.toLowerCase())) ctx.addIssue({ code: "custom", path: ["skills", at(i), "name"], message: "This area has another skill by this name." });
      names.add(s.name.toLowerCase());
      seen.set(area.toLowerCase(), names);
      kept.push({ slot: at(i), id: s.id, area, name: s.name, rating: s.rating, target: s.target });
    });
    const areaNames = input.areas.filter(Boolean).map((a) => a.toLowerCase());
    if (new Set(areaNames).size !== areaNames.length) {
      input.areas.forEach((a, i) => {
        if (a && input.areas.findIndex((b) => b.toLowerCase() === a.toLowerCase()) !== i) ctx.addIssue({ code: "custom", path: ["areas", i, "name"], message: "Another area has this name: give each its own." });
      });
    }
    if (kept.length > SKILL_LIMITS.skills) ctx.addIssue({ code: "custom", path: ["skills"], message: `An inventory holds ${SKILL_LIMITS.skills} skills at most: you sent ${kept.length}. Remove some.` });
    if (seen.size > SKILL_LIMITS.areas) ctx.addIssue({ code: "custom", path: ["areas"], message: `An inventory has ${SKILL_LIMITS.areas} areas at most.` });
    const ids = kept.flatMap((s) => (s.id ? [s.id] : []));
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["skills"], message: "Reload the page: a skill was sent twice." });
    return { revision: input.revision, skills: kept };
  });

/** A whole inventory: its areas by name, and its skills with their rating and target; a skill sent without a name is removed. */
export const skillsSchema = z.preprocess(readSkillsForm, skillsObject);
export type SkillsInput = z.output<typeof skillsSchema>;

/** The gap actions form's flat fields (`actions.0.skillId`, `actions.0.read`, …) as the object the schema reads. */
export function readGapActionsForm(input: unknown): unknown {
  if (!isFlat(input, "actions")) return input;
  const f = input;
  return {
    revision: f.revision,
    actions: indexes(f, "actions").map((k) => ({ skillId: f[`actions.${k}.skillId`], read: f[`actions.${k}.read`], practise: f[`actions.${k}.practise`], show: f[`actions.${k}.show`] })),
  };
}

export const gapActionsSchema = z.preprocess(
  readGapActionsForm,
  z.object({
    revision,
    actions: z
      .array(
        z.object({
          skillId: z.preprocess(typed, z.string("Reload the page: this gap has no skill.").min(1, "Reload the page: this gap has no skill.").max(64)),
          read: longText(SKILL_LIMITS.action),
          practise: longText(SKILL_LIMITS.action),
          show: longText(SKILL_LIMITS.action),
        }),
        "Send the actions as a list.",
      )
      .max(SKILL_LIMITS.gaps, `Actions are kept for the top ${SKILL_LIMITS.gaps} gaps.`),
  }),
);
export type GapActionsInput = z.output<typeof gapActionsSchema>;

/** The manager's ratings form: `rating.<skill id>` fields, each blank or 1 to 5. */
export function readManagerRatingsForm(input: unknown): unknown {
  if (!isFlat(input, "ratings")) return input;
  const f = input;
  const ratings = Object.keys(f)
    .filter((k) => k.startsWith("rating."))
    .slice(0, MAX_INDEX)
    .map((k) => ({ skillId: k.slice("rating.".length), rating: f[k] }));
  return { revision: f.revision, personId: f.personId, ratings };
}

export const managerRatingsSchema = z.preprocess(
  readManagerRatingsForm,
  z.object({
    revision,
    personId: z.preprocess(typed, z.string("Reload the page: the form does not say whose skills these are.").max(64)),
    ratings: z.array(z.object({ skillId: z.string().max(64, "Reload the page: a skill's id is not one."), rating: level }), "Send the ratings as a list.").max(MAX_INDEX),
  }),
);
export type ManagerRatingsInput = z.output<typeof managerRatingsSchema>;
