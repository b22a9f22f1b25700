import Papa from "papaparse";
import { z } from "zod";
import { importReason } from "@/lib/placements/rules";
import type { AdminReason } from "@/lib/placements/schemas";
import { emailSchema, personNameSchema, roles, teamNameSchema } from "./schemas";

/**
 * People as CSV: parsing an import, planning what it would change, and writing an export. Pure
 * functions: the data-access layer loads the current people and applies the plan.
 */

export const CSV_LIMITS = { bytes: 1_000_000, rows: 5_000 } as const;
export const CSV_COLUMNS = ["email", "name", "role", "manager_email", "team"] as const;
/** Columns a file may leave out: without `step` (or with an empty cell) placements stay as they are. */
export const OPTIONAL_CSV_COLUMNS = ["step"] as const;

export type CsvRow = { line: number; email: string; name: string; role: string; managerEmail: string; team: string; step: string };
export type RowError = { line: number; message: string };

const HEADER_ALIASES: Record<string, (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_CSV_COLUMNS)[number]> = {
  email: "email",
  name: "name",
  role: "role",
  manager_email: "manager_email",
  manager: "manager_email",
  team: "team",
  step: "step",
};

/** A spreadsheet-safe export prefixes risky cells with '; an import takes that prefix off again. */
const unneutralise = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

export function parsePeopleCsv(text: string): { rows: CsvRow[]; errors: RowError[] } {
  if (text.length > CSV_LIMITS.bytes) return { rows: [], errors: [{ line: 0, message: `The file is larger than ${CSV_LIMITS.bytes / 1_000_000} MB.` }] };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s-]+/g, "_")] ?? h.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    return { rows: [], errors: [{ line: 1, message: `The header row lacks ${missing.join(", ")}; expected ${CSV_COLUMNS.join(",")}.` }] };
  }
  if (parsed.data.length > CSV_LIMITS.rows) {
    return { rows: [], errors: [{ line: 0, message: `The file has ${parsed.data.length} rows; import at most ${CSV_LIMITS.rows} at a time.` }] };
  }
  const errors: RowError[] = parsed.errors
    .filter((e) => e.code !== "UndetectableDelimiter")
    .map((e) => ({ line: (e.row ?? 0) + 2, message: `This line cannot be read: ${e.message}.` }));
  const rows = parsed.data.map((r, i) => ({
    line: i + 2,
    email: unneutralise((r.email ?? "").trim()),
    name: unneutralise((r.name ?? "").trim()),
    role: (r.role ?? "").trim().toLowerCase(),
    managerEmail: unneutralise((r.manager_email ?? "").trim()),
    team: unneutralise((r.team ?? "").trim()),
    step: unneutralise((r.step ?? "").trim()),
  }));
  return { rows, errors };
}

export type ExistingPerson = {
  id: string;
  email: string;
  name: string;
  role: (typeof roles)[number];
  managerEmail: string | null;
  team: string | null;
  active: boolean;
  /** Where they stand now (their latest placement), if anywhere. */
  placement?: { stepId: string; stepKey: string; stepName: string; versionId: string; frameworkId: string } | null;
};

/** A step of a framework's current published version, which the `step` column names by key or name. */
export type CsvStep = { id: string; key: string; name: string; versionId: string; versionNumber: number; frameworkId: string; frameworkName: string };

/** A placement an import adds, effective on the day it is applied. */
export type PlannedPlacement = { line: number; email: string; from: string | null; to: string; step: CsvStep; reason: AdminReason };

export type PersonChange = { field: "name" | "role" | "manager" | "team"; from: string | null; to: string | null };

export type ImportPlan = {
  creates: { line: number; email: string; name: string; role: (typeof roles)[number]; managerEmail: string | null; team: string | null }[];
  updates: { line: number; id: string; email: string; changes: PersonChange[]; name: string; role: (typeof roles)[number]; managerEmail: string | null; team: string | null }[];
  placements: PlannedPlacement[];
  unchanged: number;
  newTeams: string[];
  errors: RowError[];
};

const roleSchema = z.enum(roles);

/**
 * A `step` cell's step: matched by key or name, ignoring case, among the steps of each framework's
 * current published version; the framework the person is placed on is looked in first.
 */
function findStep(value: string, steps: CsvStep[], frameworkId: string | undefined): CsvStep | undefined {
  const wanted = value.toLowerCase();
  const matches = steps.filter((s) => s.key.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  return matches.find((s) => s.frameworkId === frameworkId) ?? matches[0];
}

const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** What an import would do to the current people, and every row that is wrong, with its line and reason. */
export function planImport(rows: CsvRow[], existing: ExistingPerson[], existingTeams: string[], steps: CsvStep[] = []): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], placements: [], unchanged: 0, newTeams: [], errors: [] };
  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));
  const teamsByKey = new Map(existingTeams.map((t) => [t.toLowerCase(), t]));
  const seen = new Map<string, number>();

  // The organisation as it would be after the import, for the checks that span rows.
  const after = new Map(existing.map((p) => [p.email.toLowerCase(), { role: p.role, managerEmail: p.managerEmail?.toLowerCase() ?? null, active: p.active, line: 0 }]));
  const valid: { row: CsvRow; email: string; name: string; role: (typeof roles)[number]; managerEmail: string | null; team: string | null; step: CsvStep | null }[] = [];

  for (const row of rows) {
    const problems: string[] = [];
    const email = emailSchema.safeParse(row.email);
    const name = personNameSchema.safeParse(row.name);
    const role = roleSchema.safeParse(row.role);
    const manager = row.managerEmail ? emailSchema.safeParse(row.managerEmail) : null;
    const team = row.team ? teamNameSchema.safeParse(row.team) : null;
    if (!email.success) problems.push(`email "${row.email}" is not an email address`);
    if (!name.success) problems.push(row.name ? "the name is longer than 120 characters" : "the name is empty");
    if (!role.success) problems.push(`role "${row.role}" is not one of ${roles.join(", ")}`);
    if (manager && !manager.success) problems.push(`manager email "${row.managerEmail}" is not an email address`);
    if (team && !team.success) problems.push("the team name is longer than 80 characters");
    if (email.success) {
      const first = seen.get(email.data);
      if (first) problems.push(`the same email is already on line ${first}`);
      else seen.set(email.data, row.line);
      if (manager?.success && manager.data === email.data) problems.push("a person cannot be their own manager");
    }
    const step = row.step ? findStep(row.step, steps, email.success ? byEmail.get(email.data)?.placement?.frameworkId : undefined) : null;
    if (step === undefined) problems.push(`row ${row.line}, column step: no step called "${shorten(row.step)}"`);
    if (problems.length > 0) {
      plan.errors.push({ line: row.line, message: capitalise(problems.join("; ")) + "." });
      continue;
    }
    const entry = {
      row,
      email: email.data!,
      name: name.data!,
      role: role.data!,
      managerEmail: manager?.data ?? null,
      team: team ? (teamsByKey.get(team.data!.toLowerCase()) ?? team.data!) : null,
      step: step ?? null,
    };
    valid.push(entry);
    after.set(entry.email, { role: entry.role, managerEmail: entry.managerEmail, active: after.get(entry.email)?.active ?? true, line: row.line });
  }

  for (const v of valid) {
    if (!v.managerEmail) continue;
    // A reporting line the file leaves as it is was valid when it was made; only new ones are checked.
    const current = byEmail.get(v.email);
    if (current && current.managerEmail?.toLowerCase() === v.managerEmail && current.active) continue;
    const manager = after.get(v.managerEmail);
    if (!manager) plan.errors.push({ line: v.row.line, message: `The manager ${v.managerEmail} is neither in Waymark nor in this file.` });
    else if (!manager.active) plan.errors.push({ line: v.row.line, message: `The manager ${v.managerEmail} is deactivated.` });
    else if (manager.role === "engineer") plan.errors.push({ line: v.row.line, message: `The manager ${v.managerEmail} would be an engineer; a manager must be a manager or an admin.` });
  }
  for (const v of valid) {
    const loop = findLoop(v.email, after);
    if (loop) plan.errors.push({ line: v.row.line, message: `The reporting lines would make a loop: ${loop.join(" → ")}.` });
  }
  // Counted once for everyone: counting each person's reports by scanning everyone is quadratic.
  const activeReports = new Map<string, number>();
  for (const q of after.values()) {
    if (q.managerEmail && q.active) activeReports.set(q.managerEmail, (activeReports.get(q.managerEmail) ?? 0) + 1);
  }
  for (const [email, p] of after) {
    if (p.role === "engineer" && p.active && p.line > 0) {
      const reports = activeReports.get(email) ?? 0;
      if (reports > 0 && byEmail.get(email)?.role !== "engineer") {
        plan.errors.push({ line: p.line, message: `${email} would become an engineer but still has ${reports} ${reports === 1 ? "report" : "reports"}.` });
      }
    }
  }
  if (![...after.values()].some((p) => p.role === "admin" && p.active)) {
    plan.errors.push({ line: 0, message: "After this import nobody would be an active admin." });
  }

  if (plan.errors.length > 0) {
    plan.errors.sort((a, b) => a.line - b.line);
    return plan;
  }

  for (const v of valid) {
    if (v.team && !teamsByKey.has(v.team.toLowerCase())) {
      teamsByKey.set(v.team.toLowerCase(), v.team);
      plan.newTeams.push(v.team);
    }
    const current = byEmail.get(v.email);
    const placement = current?.placement ?? null;
    const placed = v.step !== null && placement?.stepId !== v.step.id;
    if (v.step && placed) {
      plan.placements.push({ line: v.row.line, email: v.email, from: placement?.stepName ?? null, to: v.step.name, step: v.step, reason: importReason(placement, v.step.versionId) });
    }
    if (!current) {
      plan.creates.push({ line: v.row.line, email: v.email, name: v.name, role: v.role, managerEmail: v.managerEmail, team: v.team });
      continue;
    }
    const changes: PersonChange[] = [];
    if (current.name !== v.name) changes.push({ field: "name", from: current.name, to: v.name });
    if (current.role !== v.role) changes.push({ field: "role", from: current.role, to: v.role });
    if ((current.managerEmail?.toLowerCase() ?? null) !== v.managerEmail) changes.push({ field: "manager", from: current.managerEmail, to: v.managerEmail });
    if ((current.team?.toLowerCase() ?? null) !== (v.team?.toLowerCase() ?? null)) changes.push({ field: "team", from: current.team, to: v.team });
    if (changes.length > 0) plan.updates.push({ line: v.row.line, id: current.id, email: v.email, changes, name: v.name, role: v.role, managerEmail: v.managerEmail, team: v.team });
    else if (!placed) plan.unchanged++;
  }
  return plan;
}

/**
 * New people in an order where a manager the file adds comes before their reports, the file's
 * order kept otherwise: written in that order, a reporting line never waits for a later statement.
 * For a plan, which has refused every loop.
 */
export function managersFirst<T extends { email: string; managerEmail: string | null }>(creates: T[]): T[] {
  const byEmail = new Map(creates.map((c) => [c.email.toLowerCase(), c]));
  const depth = new Map<T, number>();
  const depthOf = (c: T): number => {
    let d = depth.get(c);
    if (d === undefined) {
      const manager = c.managerEmail ? byEmail.get(c.managerEmail.toLowerCase()) : undefined;
      d = manager ? depthOf(manager) + 1 : 0;
      depth.set(c, d);
    }
    return d;
  };
  return creates
    .map((c) => [c, depthOf(c)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([c]) => c);
}

function findLoop(start: string, people: Map<string, { managerEmail: string | null }>): string[] | null {
  const path = [start];
  let current = people.get(start)?.managerEmail ?? null;
  while (current) {
    if (current === start) return [...path, start];
    if (path.includes(current)) return null; // a loop further up, reported on its own rows
    path.push(current);
    current = people.get(current)?.managerEmail ?? null;
  }
  return null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The people list as CSV; cells a spreadsheet would run as a formula are neutralised with a leading '. */
export function peopleToCsv(
  people: { email: string; name: string; role: string; managerEmail: string | null; team: string | null; active: boolean; placement?: { stepKey: string } | null }[],
): string {
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS, "active"],
      data: people.map((p) => [p.email, p.name, p.role, p.managerEmail ?? "", p.team ?? "", p.placement?.stepKey ?? "", p.active ? "yes" : "no"]),
    },
    // Papa's own pattern misses values with a line break in them; this one looks at the first character only.
    { escapeFormulae: /^[=+\-@\t\r]/, newline: "\r\n" },
  );
}
