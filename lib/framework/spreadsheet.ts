import Papa from "papaparse";
import { frameworkDefinitionSchema, type FrameworkDefinition, type ParsedFrameworkDefinition } from "./definition";
import { capProblems, checkFileSize, type FileProblem, type ParsedFile } from "./format";
import { keyFromName, uniqueKey } from "./keys";

export { keyFromName };

/**
 * A framework as most teams keep it: a spreadsheet saved as CSV, one row per step and one column
 * per dimension, each cell the step's summary in that dimension. A few named columns describe the
 * step itself; every other column is a dimension. Problems name the row and column as the
 * spreadsheet shows them (the header is row 1).
 */

export const SPREADSHEET_LIMITS = { columns: 200, rows: 60 } as const;

type StepColumn = "key" | "name" | "summary" | "min_months" | "max_months" | "timeframe" | "leads_to";

const STEP_COLUMNS: Record<string, StepColumn> = {
  key: "key",
  step_key: "key",
  name: "name",
  step: "name",
  step_name: "name",
  summary: "summary",
  min_months: "min_months",
  max_months: "max_months",
  timeframe: "timeframe",
  leads_to: "leads_to",
};

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");


/** "12-24", "12–24 months", "24+", "12" or nothing, in months. */
export function parseTimeframe(text: string): { min: number | null; max: number | null } | null {
  const t = text.trim().replace(/\s*months?$/i, "");
  if (!t) return { min: null, max: null };
  let m = /^(\d{1,3})\s*[-–—]\s*(\d{1,3})$/.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(\d{1,3})\s*\+$/.exec(t);
  if (m) return { min: Number(m[1]), max: null };
  m = /^(\d{1,3})$/.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  return null;
}

const BULLET = /^\s*[-*•]\s+/;

/** A cell's text: its first lines are the summary; lines after them starting with "-" or "•" are expectations. */
export function parseCellText(text: string): { summary: string; expectations: { text: string; examples: string[] }[] } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const firstBullet = lines.findIndex((l) => BULLET.test(l));
  if (firstBullet <= 0 || lines.slice(firstBullet).some((l) => !BULLET.test(l))) return { summary: text.trim(), expectations: [] };
  return {
    summary: lines.slice(0, firstBullet).join(" "),
    expectations: lines.slice(firstBullet).map((l) => ({ text: l.replace(BULLET, ""), examples: [] })),
  };
}

type Place = { row?: number; column?: string };

const describePlace = ({ row, column }: Place) =>
  [row !== undefined && `row ${row}`, column !== undefined && `column ${JSON.stringify(column)}`].filter(Boolean).join(", ");

/**
 * A spreadsheet's text as a framework definition. The framework's own key, name and description
 * come from the caller: a CSV has no place for them.
 */
export function parseFrameworkSpreadsheet(
  input: string,
  framework: { key: string; name: string; description?: string },
): ParsedFile<ParsedFrameworkDefinition> {
  const tooLarge = checkFileSize(input);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const text = input.replace(/^\uFEFF/, "");

  // The header alone first: a file with thousands of columns is refused before the rest is read.
  const preview = Papa.parse<string[]>(text, { preview: 1 });
  const head = preview.data[0] ?? [];
  if (head.length > SPREADSHEET_LIMITS.columns) {
    return refuse(`The header row has ${head.length} columns; a framework spreadsheet has at most ${SPREADSHEET_LIMITS.columns}.`, { row: 1 });
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: preview.meta.delimiter });
  const records = parsed.data;
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.every((h) => !h)) return refuse("The file is empty: the first row should name the columns (name, and one per dimension).");

  const problems: FileProblem[] = [];
  const add = (place: Place, message: string) => problems.push({ at: describePlace(place), message });
  for (const e of parsed.errors) {
    if (e.code !== "UndetectableDelimiter") add({ row: (e.row ?? 0) + 1 }, `This row cannot be read: ${e.message}.`);
  }

  // Which column is what.
  const roles = new Map<StepColumn, number>();
  const dimensionColumns: { index: number; header: string }[] = [];
  const rows = records.slice(1).map((cells, i) => ({ number: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim()));
  header.forEach((h, index) => {
    const role = STEP_COLUMNS[normaliseHeader(h)];
    if (role) {
      if (roles.has(role)) add({ row: 1, column: h }, `There are two ${role} columns; keep one.`);
      roles.set(role, index);
    } else if (!h) {
      if (rows.some((r) => r.cells[index]?.trim())) add({ row: 1 }, `Column ${index + 1} has cells but no name in the header row.`);
    } else if (dimensionColumns.some((d) => d.header.toLowerCase() === h.toLowerCase())) {
      add({ row: 1, column: h }, "This dimension appears twice.");
    } else {
      dimensionColumns.push({ index, header: h });
    }
  });
  if (!roles.has("name")) add({ row: 1 }, 'The header row has no "name" column for the name of each step.');
  if (dimensionColumns.length === 0) add({ row: 1 }, "The header row has no dimension columns: add one column per dimension, holding each step's summary.");
  if (roles.has("timeframe") && (roles.has("min_months") || roles.has("max_months"))) {
    add({ row: 1, column: header[roles.get("timeframe")!] }, "Give the timeframe either in one timeframe column or in min_months and max_months, not both.");
  }
  if (rows.length === 0) add({}, "The file has no steps: add one row per step under the header.");
  if (rows.length > SPREADSHEET_LIMITS.rows) add({}, `The file has ${rows.length} steps (rows); a framework has at most ${SPREADSHEET_LIMITS.rows}.`);
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };

  const column = (role: StepColumn) => (roles.has(role) ? header[roles.get(role)!] : undefined);
  const cellOf = (cells: string[], role: StepColumn) => (roles.has(role) ? (cells[roles.get(role)!] ?? "").trim() : "");

  // Where each part of the definition came from, to say where its problems are.
  const places = { steps: [] as number[], transitions: [] as number[], cells: [] as Place[] };

  const dimensionKeys = new Set<string>();
  const dimensions = dimensionColumns.map((d, i) => ({ key: uniqueKey(keyFromName(d.header, "dimension", i + 1), dimensionKeys), name: d.header }));

  // Keys written in the file come first; derived keys avoid them.
  const stepKeys = new Set(rows.map((r) => cellOf(r.cells, "key")).filter(Boolean));
  const steps: NonNullable<FrameworkDefinition["steps"]> = [];
  const cells: NonNullable<FrameworkDefinition["cells"]> = [];
  for (const [i, { number, cells: values }] of rows.entries()) {
    if (values.length > header.length && values.slice(header.length).some((v) => v.trim())) {
      add({ row: number }, `This row has ${values.length} cells, more than the ${header.length} columns the header names.`);
    }
    const name = cellOf(values, "name");
    const key = cellOf(values, "key") || uniqueKey(keyFromName(name, "step", i + 1), stepKeys);
    let timeframe: { min: number | null; max: number | null } = { min: null, max: null };
    if (roles.has("timeframe")) {
      const written = cellOf(values, "timeframe");
      const read = parseTimeframe(written);
      if (read) timeframe = read;
      else add({ row: number, column: column("timeframe") }, `${JSON.stringify(written)} is not a timeframe; write months as 12-24, 24+ or 12.`);
    }
    for (const [role, side] of [["min_months", "min"], ["max_months", "max"]] as const) {
      const written = cellOf(values, role);
      if (!written) continue;
      if (/^\d{1,3}$/.test(written)) timeframe[side] = Number(written);
      else add({ row: number, column: column(role) }, `${JSON.stringify(written)} is not a number of months.`);
    }
    steps.push({ key, name, summary: cellOf(values, "summary"), timeframeMinMonths: timeframe.min, timeframeMaxMonths: timeframe.max });
    places.steps.push(number);
    dimensionColumns.forEach((d, di) => {
      const written = (values[d.index] ?? "").trim();
      if (!written) return;
      cells.push({ step: key, dimension: dimensions[di]!.key, ...parseCellText(written) });
      places.cells.push({ row: number, column: d.header });
    });
  }

  // Transitions name steps by key or name, each optionally followed by ": label".
  const findStep = (ref: string) => {
    const wanted = ref.trim().toLowerCase();
    return steps.find((s) => s.key === ref.trim()) ?? steps.find((s) => s.name.trim().toLowerCase() === wanted);
  };
  const transitions: { from: string; to: string; label: string }[] = [];
  if (roles.has("leads_to")) {
    for (const [i, { number, cells: values }] of rows.entries()) {
      for (const part of cellOf(values, "leads_to").split(";").map((p) => p.trim()).filter(Boolean)) {
        const colon = part.indexOf(":");
        const whole = findStep(part);
        const target = whole ?? (colon > 0 ? findStep(part.slice(0, colon)) : undefined);
        if (!target) {
          add({ row: number, column: column("leads_to") }, `No step is called ${JSON.stringify(colon > 0 ? part.slice(0, colon).trim() : part)}.`);
          continue;
        }
        transitions.push({ from: steps[i]!.key, to: target.key, label: whole || colon < 0 ? "" : part.slice(colon + 1).trim() });
        places.transitions.push(number);
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };

  const result = frameworkDefinitionSchema.safeParse({ ...framework, dimensions, steps, transitions, cells });
  if (result.success) return { ok: true, value: result.data };

  const stepColumn: Record<string, string | undefined> = {
    key: column("key") ?? column("name"),
    name: column("name"),
    summary: column("summary"),
    timeframeMinMonths: column("timeframe") ?? column("min_months"),
    timeframeMaxMonths: column("timeframe") ?? column("max_months"),
  };
  for (const issue of result.error.issues) {
    const [part, index, field] = issue.path as [string, number | undefined, string | undefined];
    let place: Place = {};
    if (part === "steps" && index !== undefined) place = { row: places.steps[index], column: field ? stepColumn[field] : undefined };
    else if (part === "dimensions" && index !== undefined) place = { row: 1, column: dimensions[index]?.name };
    else if (part === "cells" && index !== undefined) place = places.cells[index] ?? {};
    else if (part === "transitions") place = { row: index === undefined ? undefined : places.transitions[index], column: column("leads_to") };
    else if (part === "dimensions") place = { row: 1 };
    const prefix = part === "key" || part === "name" || part === "description" ? `The framework's ${part}: ` : "";
    add(place, `${prefix}${issue.message}`);
  }
  return { ok: false, problems: capProblems(problems) };
}

function refuse<T>(message: string, place: Place = {}): ParsedFile<T> {
  return { ok: false, problems: [{ at: describePlace(place), message }] };
}
