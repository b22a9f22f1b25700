import { z } from "zod";
import { findCycle } from "./path-graph";

/**
 * The portable shape of a framework version: what the seed loads, and what a JSON export or
 * import carries. Steps, dimensions and transitions refer to each other by stable key, never by
 * database id, so a definition can move between databases and versions.
 */

export const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, "Keys are lower-case letters, digits and dashes, starting with a letter (at most 48).");

const key = keySchema;

const atMost = (max: number) => `At most ${max.toLocaleString("en-GB")} characters.`;
const shortText = (max: number) => z.string().trim().min(1, "This cannot be empty.").max(max, atMost(max));

export const expectationSchema = z.object({
  text: shortText(500),
  examples: z.array(shortText(300)).max(10).default([]),
});

export const cellSchema = z.object({
  step: key,
  dimension: key,
  /** The whole cell (summary, expectations, examples) is held to 4,000 characters by the path rules. */
  summary: shortText(4000),
  expectations: z.array(expectationSchema).max(20).default([]),
});

export const dimensionSchema = z.object({
  key,
  name: shortText(80),
  description: z.string().trim().max(600).default(""),
  group: z.string().trim().max(80).nullable().default(null),
});

export const stepSchema = z
  .object({
    key,
    name: shortText(80),
    summary: z.string().trim().max(600).default(""),
    /** Expected time at this step before moving on, in months; null where open-ended. */
    timeframeMinMonths: z.number().int().min(0).max(600).nullable().default(null),
    timeframeMaxMonths: z.number().int().min(0).max(600).nullable().default(null),
  })
  .refine(
    (s) => s.timeframeMinMonths === null || s.timeframeMaxMonths === null || s.timeframeMinMonths <= s.timeframeMaxMonths,
    { message: "The shortest expected time cannot be longer than the longest.", path: ["timeframeMaxMonths"] },
  );

export const transitionSchema = z.object({
  from: key,
  to: key,
  label: z.string().trim().max(120).default(""),
});

export const frameworkDefinitionSchema = z
  .object({
    key,
    name: shortText(120),
    description: z.string().trim().max(2000).default(""),
    dimensions: z.array(dimensionSchema).min(1).max(30),
    steps: z.array(stepSchema).min(1).max(60),
    transitions: z.array(transitionSchema).max(500),
    cells: z.array(cellSchema).max(1800),
  })
  .superRefine((def, ctx) => {
    const stepKeys = new Set<string>();
    def.steps.forEach((s, i) => {
      if (stepKeys.has(s.key)) ctx.addIssue({ code: "custom", path: ["steps", i, "key"], message: `Step key "${s.key}" is used twice.` });
      stepKeys.add(s.key);
    });
    const dimensionKeys = new Set<string>();
    def.dimensions.forEach((d, i) => {
      if (dimensionKeys.has(d.key))
        ctx.addIssue({ code: "custom", path: ["dimensions", i, "key"], message: `Dimension key "${d.key}" is used twice.` });
      dimensionKeys.add(d.key);
    });
    const edges = new Set<string>();
    def.transitions.forEach((t, i) => {
      for (const end of ["from", "to"] as const) {
        if (!stepKeys.has(t[end]))
          ctx.addIssue({ code: "custom", path: ["transitions", i, end], message: `No step has the key "${t[end]}".` });
      }
      if (t.from === t.to) ctx.addIssue({ code: "custom", path: ["transitions", i], message: "A step cannot lead to itself." });
      const edge = `${t.from}->${t.to}`;
      if (edges.has(edge)) ctx.addIssue({ code: "custom", path: ["transitions", i], message: `The transition ${edge} is listed twice.` });
      edges.add(edge);
    });
    const cycle = findCycle(
      def.steps.map((s) => s.key),
      def.transitions.map((t) => ({ fromStepId: t.from, toStepId: t.to })),
    );
    if (cycle) ctx.addIssue({ code: "custom", path: ["transitions"], message: `The path loops back on itself: ${cycle.join(" → ")}.` });
    const cells = new Set<string>();
    def.cells.forEach((c, i) => {
      if (!stepKeys.has(c.step)) ctx.addIssue({ code: "custom", path: ["cells", i, "step"], message: `No step has the key "${c.step}".` });
      if (!dimensionKeys.has(c.dimension))
        ctx.addIssue({ code: "custom", path: ["cells", i, "dimension"], message: `No dimension has the key "${c.dimension}".` });
      const cell = `${c.step}/${c.dimension}`;
      if (cells.has(cell)) ctx.addIssue({ code: "custom", path: ["cells", i], message: `The cell ${cell} is listed twice.` });
      cells.add(cell);
    });
  });

export type FrameworkDefinition = z.input<typeof frameworkDefinitionSchema>;
export type ParsedFrameworkDefinition = z.output<typeof frameworkDefinitionSchema>;
