import { z } from "zod";
import { frameworkDefinitionSchema, type ParsedFrameworkDefinition } from "./definition";

/**
 * The framework file: one version of a framework as a JSON document, for export, import and
 * keeping in git. Its core is the portable definition (definition.ts); around it sit the
 * framework's identity and, in an export, where the version came from. `formatVersion` changes only
 * when a file written by one Waymark could be misread by another.
 */

export const FRAMEWORK_FORMAT_VERSION = 1;

/** What a file may be before Waymark refuses to read further. */
export const FRAMEWORK_FILE_LIMITS = { bytes: 2_000_000, depth: 64, problems: 100 } as const;

const definition = frameworkDefinitionSchema.shape;

export const frameworkFileSchema = z
  .object({
    $schema: z.string().max(500).optional().meta({ description: "Where an editor finds this schema; ignored on import." }),
    formatVersion: z.literal(FRAMEWORK_FORMAT_VERSION, { error: `formatVersion must be ${FRAMEWORK_FORMAT_VERSION}.` }),
    framework: z
      .object({ key: definition.key, name: definition.name, description: definition.description })
      .meta({ description: "The framework this version belongs to; its key is how Waymark matches a file to a framework." }),
    version: z
      .object({
        number: z.number().int().min(1),
        status: z.enum(["draft", "published", "retired"]),
        publishedAt: z.iso.datetime({ offset: true }).nullable(),
        notes: z.string().max(4000).default(""),
      })
      .optional()
      .meta({ description: "Where an exported version came from. Informative only: an import always lands as a new draft." }),
    dimensions: definition.dimensions,
    steps: definition.steps,
    transitions: definition.transitions,
    cells: definition.cells,
  })
  .superRefine((file, ctx) => {
    // The checks across parts (unique keys, known steps, no loops) are the definition's own.
    const result = frameworkDefinitionSchema.safeParse(fileToDefinition(file));
    if (result.success) return;
    for (const issue of result.error.issues) {
      const [head, ...rest] = issue.path;
      const path = head === "key" || head === "name" || head === "description" ? ["framework", head, ...rest] : issue.path;
      ctx.addIssue({ code: "custom", path, message: issue.message });
    }
  })
  .meta({
    title: "Waymark framework file",
    description: "One version of a Waymark career framework: its dimensions, steps, the transitions between steps, and the cells of the matrix.",
  });

export type FrameworkFile = z.output<typeof frameworkFileSchema>;

/** A problem in a file: where (a JSON path, or a CSV row and column) and what. */
export type FileProblem = { at: string; message: string };

export const describeProblem = (p: FileProblem) => (p.at ? `${p.at}: ${p.message}` : p.message);

export function fileToDefinition(file: Pick<FrameworkFile, "framework" | "dimensions" | "steps" | "transitions" | "cells">): ParsedFrameworkDefinition {
  return {
    key: file.framework.key,
    name: file.framework.name,
    description: file.framework.description,
    dimensions: file.dimensions,
    steps: file.steps,
    transitions: file.transitions,
    cells: file.cells,
  };
}

/** The parts of a loaded version an export needs (db/framework-store.ts's FrameworkVersionView has them). */
export type ExportableVersion = {
  framework: { key: string; name: string; description: string };
  version: { number: number; status: "draft" | "published" | "retired"; publishedAt: Date | null; notes?: string };
  dimensions: { id: string; key: string; name: string; description: string; group: string | null }[];
  steps: { id: string; key: string; name: string; summary: string; timeframeMinMonths: number | null; timeframeMaxMonths: number | null }[];
  transitions: { fromStepId: string; toStepId: string; label: string }[];
  cells: { stepId: string; dimensionId: string; summary: string; expectations: { text: string; examples?: string[] }[] }[];
};

/**
 * A loaded version as a file. Steps and dimensions keep their order; transitions and cells are
 * sorted by the steps and dimensions they belong to, so the same version always gives the same text.
 */
export function toFrameworkFile(view: ExportableVersion): FrameworkFile {
  const stepAt = new Map(view.steps.map((s, i) => [s.id, { key: s.key, position: i }]));
  const dimensionAt = new Map(view.dimensions.map((d, i) => [d.id, { key: d.key, position: i }]));
  const byPosition = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
  return {
    formatVersion: FRAMEWORK_FORMAT_VERSION,
    framework: { key: view.framework.key, name: view.framework.name, description: view.framework.description },
    version: {
      number: view.version.number,
      status: view.version.status,
      publishedAt: view.version.publishedAt?.toISOString() ?? null,
      notes: view.version.notes ?? "",
    },
    dimensions: view.dimensions.map((d) => ({ key: d.key, name: d.name, description: d.description, group: d.group })),
    steps: view.steps.map((s) => ({
      key: s.key,
      name: s.name,
      summary: s.summary,
      timeframeMinMonths: s.timeframeMinMonths,
      timeframeMaxMonths: s.timeframeMaxMonths,
    })),
    transitions: view.transitions
      .map((t) => ({ from: stepAt.get(t.fromStepId)!, to: stepAt.get(t.toStepId)!, label: t.label }))
      .sort((a, b) => byPosition([a.from.position, a.to.position], [b.from.position, b.to.position]))
      .map((t) => ({ from: t.from.key, to: t.to.key, label: t.label })),
    cells: view.cells
      .map((c) => ({ step: stepAt.get(c.stepId)!, dimension: dimensionAt.get(c.dimensionId)!, cell: c }))
      .sort((a, b) => byPosition([a.step.position, a.dimension.position], [b.step.position, b.dimension.position]))
      .map(({ step, dimension, cell }) => ({
        step: step.key,
        dimension: dimension.key,
        summary: cell.summary,
        expectations: cell.expectations.map((e) => ({ text: e.text, examples: e.examples ?? [] })),
      })),
  };
}

/** A file's text as written on export: two-space indents and a final newline, so diffs in git stay small. */
export function formatFrameworkFile(file: FrameworkFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A JSON path as people read it: `steps[3].key`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** The position of the first bracket nested deeper than `limit`, or -1; strings are skipped. */
export function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where JSON syntax first goes wrong (text.length when the text ends too early), or -1 when it is
 * valid. JSON.parse does not always say where; this scan does, without recursion.
 */
export function findJsonSyntaxError(text: string): number {
  const containers: ("object" | "array")[] = [];
  let expect: "value" | "value-or-end" | "key-or-end" | "key" | "colon" | "comma-or-end" | "nothing" = "value";
  const afterValue = () => (containers.length === 0 ? "nothing" : "comma-or-end");
  const scanString = (start: number): number => {
    for (let i = start + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c < 0x20) return -i - 1;
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return -i - 1;
        i = ESCAPE.lastIndex - 1;
      }
    }
    return -text.length - 1;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
      continue;
    }
    if (expect === "value" || expect === "value-or-end") {
      if (c === "]" && expect === "value-or-end") {
        containers.pop();
        expect = afterValue();
        i++;
      } else if (c === "{" || c === "[") {
        containers.push(c === "{" ? "object" : "array");
        expect = c === "{" ? "key-or-end" : "value-or-end";
        i++;
      } else if (c === '"') {
        const end = scanString(i);
        if (end < 0) return -end - 1;
        expect = afterValue();
        i = end;
      } else {
        NUMBER.lastIndex = i;
        const literal = ["true", "false", "null"].find((l) => text.startsWith(l, i));
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return i;
        expect = afterValue();
      }
    } else if (expect === "key-or-end" || expect === "key") {
      if (c === "}" && expect === "key-or-end") {
        containers.pop();
        expect = afterValue();
        i++;
      } else if (c === '"') {
        const end = scanString(i);
        if (end < 0) return -end - 1;
        expect = "colon";
        i = end;
      } else return i;
    } else if (expect === "colon") {
      if (c !== ":") return i;
      expect = "value";
      i++;
    } else if (expect === "comma-or-end") {
      const top = containers.at(-1);
      if (c === ",") expect = top === "object" ? "key" : "value";
      else if ((c === "}" && top === "object") || (c === "]" && top === "array")) {
        containers.pop();
        expect = afterValue();
      } else return i;
      i++;
    } else return i;
  }
  return expect === "nothing" ? -1 : text.length;
}

/** Line and column (from 1) of a position in a text. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: position - start + 1 };
}

export type ParsedFile<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

const refuse = <T>(message: string, at = ""): ParsedFile<T> => ({ ok: false, problems: [{ at, message }] });

/** The size check every import makes first, on the text's UTF-8 size. */
export function checkFileSize(text: string): FileProblem | null {
  const max = FRAMEWORK_FILE_LIMITS.bytes;
  if (text.length > max || Buffer.byteLength(text, "utf8") > max) {
    return { at: "", message: `The file is larger than ${max / 1_000_000} MB; a framework file is far smaller.` };
  }
  return null;
}

/**
 * A framework file's text, read and checked. Refuses, before parsing, a file that is too large or
 * nested too deeply (a parser's recursion must not meet a hostile document); then says where the
 * JSON breaks, or lists every way the document differs from a framework, each at its JSON path.
 */
export function parseFrameworkFile(input: string): ParsedFile<{ file: FrameworkFile; definition: ParsedFrameworkDefinition }> {
  const tooLarge = checkFileSize(input);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const text = input.replace(/^\uFEFF/, "");
  if (!text.trim()) return refuse("The file is empty.");

  const deep = findExcessiveNesting(text, FRAMEWORK_FILE_LIMITS.depth);
  if (deep !== -1) {
    const { line, column } = lineAndColumn(text, deep);
    return refuse(`The document is nested more than ${FRAMEWORK_FILE_LIMITS.depth} levels deep (line ${line}, column ${column}); a framework file is never that deep.`);
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = findJsonSyntaxError(text);
    if (at === -1) return refuse("This is not valid JSON.");
    if (at >= text.length) return refuse("This is not valid JSON: the file ends too early.");
    const { line, column } = lineAndColumn(text, at);
    return refuse(`This is not valid JSON: it breaks at line ${line}, column ${column}.`);
  }

  if (typeof data !== "object" || data === null || Array.isArray(data) || !("formatVersion" in data)) {
    return refuse("This is JSON, but not a Waymark framework file: it has no formatVersion. Export a framework to see the format.");
  }
  const formatVersion = (data as { formatVersion: unknown }).formatVersion;
  if (typeof formatVersion === "number" && formatVersion > FRAMEWORK_FORMAT_VERSION) {
    return refuse(`The file is in format version ${formatVersion}, written by a newer Waymark; this one reads format version ${FRAMEWORK_FORMAT_VERSION}.`, "formatVersion");
  }

  const result = frameworkFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => ({ at: jsonPath(i.path), message: i.message }));
    return { ok: false, problems: capProblems(problems) };
  }
  return { ok: true, value: { file: result.data, definition: fileToDefinition(result.data) } };
}

/** A long list of problems is cut, with a last line saying how many more there are. */
export function capProblems(problems: FileProblem[]): FileProblem[] {
  const max = FRAMEWORK_FILE_LIMITS.problems;
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), { at: "", message: `…and ${problems.length - max} more problems.` }];
}

/** The JSON Schema of a framework file, as an editor or a CI check reads it (what an import accepts). */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frameworkFileSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
