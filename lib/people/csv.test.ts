import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { managersFirst, parsePeopleCsv, peopleToCsv, planImport, type CsvStep, type ExistingPerson } from "./csv";

const existing: ExistingPerson[] = [
  { id: "1", email: "ada@example.com", name: "Ada", role: "admin", managerEmail: null, team: null, active: true },
  { id: "2", email: "max@example.com", name: "Max", role: "manager", managerEmail: "ada@example.com", team: "Platform", active: true },
  { id: "3", email: "eve@example.com", name: "Eve", role: "engineer", managerEmail: "max@example.com", team: "Platform", active: true },
  { id: "4", email: "old@example.com", name: "Old", role: "manager", managerEmail: null, team: null, active: false },
];
const header = "email,name,role,manager_email,team\n";
const plan = (body: string) => {
  const { rows, errors } = parsePeopleCsv(header + body);
  expect(errors).toEqual([]);
  return planImport(rows, existing, ["Platform"]);
};

describe("parsePeopleCsv", () => {
  it("reads the columns in any order and case, with quoted commas and a byte-order mark", () => {
    const { rows, errors } = parsePeopleCsv('\uFEFFTeam,Email,Name,Role,Manager Email\r\nPlatform,kim@example.com,"Kim, Jr.",Engineer,max@example.com\r\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, email: "kim@example.com", name: "Kim, Jr.", role: "engineer", managerEmail: "max@example.com", team: "Platform", step: "" }]);
  });

  it("names the missing columns", () => {
    expect(parsePeopleCsv("email,name\nx@example.com,X\n").errors).toEqual([
      { line: 1, message: "The header row lacks role, manager_email, team; expected email,name,role,manager_email,team." },
    ]);
  });

  it("refuses files that are too large or too long", () => {
    expect(parsePeopleCsv("x".repeat(1_000_001)).errors[0]!.message).toMatch(/larger than 1 MB/);
    const many = header + Array.from({ length: 5001 }, (_, i) => `p${i}@example.com,P,engineer,,`).join("\n");
    expect(parsePeopleCsv(many).errors[0]!.message).toMatch(/5001 rows/);
  });
});

describe("planImport", () => {
  it("sorts rows into people to create, people to change and people left as they are", () => {
    const p = plan(
      ["kim@example.com,Kim,engineer,max@example.com,Data", "eve@example.com,Eve,engineer,ada@example.com,Platform", "max@example.com,Max,manager,ada@example.com,platform"].join("\n"),
    );
    expect(p.errors).toEqual([]);
    expect(p.creates).toEqual([{ line: 2, email: "kim@example.com", name: "Kim", role: "engineer", managerEmail: "max@example.com", team: "Data" }]);
    expect(p.updates).toEqual([
      expect.objectContaining({ email: "eve@example.com", changes: [{ field: "manager", from: "max@example.com", to: "ada@example.com" }] }),
    ]);
    expect(p.unchanged).toBe(1);
    expect(p.newTeams).toEqual(["Data"]);
  });

  it("lets a new manager in the file manage new people in the same file, whatever the order", () => {
    const p = plan(["new1@example.com,New One,engineer,boss@example.com,", "boss@example.com,Boss,manager,ada@example.com,"].join("\n"));
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.email)).toEqual(["new1@example.com", "boss@example.com"]);
  });

  it("lists every bad row with its line number and reason, and plans nothing then", () => {
    const p = plan(
      [
        "not-an-email,X,engineer,,",
        "a@example.com,,boss,,",
        "b@example.com,B,engineer,nobody@example.com,",
        "c@example.com,C,engineer,eve@example.com,",
        "a@example.com,A again,engineer,,",
        "d@example.com,D,engineer,old@example.com,",
        "e@example.com,E,manager,e@example.com,",
      ].join("\n"),
    );
    expect(p.errors).toEqual([
      { line: 2, message: 'Email "not-an-email" is not an email address.' },
      { line: 3, message: 'The name is empty; role "boss" is not one of engineer, manager, admin.' },
      { line: 4, message: "The manager nobody@example.com is neither in Waymark nor in this file." },
      { line: 5, message: "The manager eve@example.com would be an engineer; a manager must be a manager or an admin." },
      { line: 6, message: "The same email is already on line 3." },
      { line: 7, message: "The manager old@example.com is deactivated." },
      { line: 8, message: "A person cannot be their own manager." },
    ]);
    expect(p.creates).toEqual([]);
    expect(p.updates).toEqual([]);
  });

  it("refuses reporting lines that loop through the file and the database", () => {
    const p = plan("ada@example.com,Ada,admin,max@example.com,\n");
    expect(p.errors).toEqual([{ line: 2, message: "The reporting lines would make a loop: ada@example.com → max@example.com → ada@example.com." }]);
  });

  it("refuses an import that leaves no active admin, or an engineer with reports", () => {
    expect(plan("ada@example.com,Ada,manager,,\n").errors).toContainEqual({ line: 0, message: "After this import nobody would be an active admin." });
    expect(plan("max@example.com,Max,engineer,ada@example.com,Platform\n").errors).toContainEqual({
      line: 2,
      message: "max@example.com would become an engineer but still has 1 report.",
    });
    // Reports counted after the import: the one Max has, and the one the file gives him.
    expect(plan("max@example.com,Max,engineer,ada@example.com,Platform\nkim@example.com,Kim,engineer,max@example.com,\n").errors).toContainEqual({
      line: 2,
      message: "max@example.com would become an engineer but still has 2 reports.",
    });
  });
});

describe("managersFirst", () => {
  it("puts each manager the file adds before their reports, and keeps the file's order otherwise", () => {
    const creates = [
      { email: "c@example.com", managerEmail: "B@example.com" },
      { email: "b@example.com", managerEmail: "a@example.com" },
      { email: "d@example.com", managerEmail: null },
      { email: "a@example.com", managerEmail: "ada@example.com" },
      { email: "e@example.com", managerEmail: "a@example.com" },
    ];
    expect(managersFirst(creates).map((c) => c.email)).toEqual(["d@example.com", "a@example.com", "b@example.com", "e@example.com", "c@example.com"]);
  });
});

describe("the step column", () => {
  const step = (key: string, name: string, versionId = "v2", frameworkId = "f1"): CsvStep => ({
    id: `${versionId}-${key}`,
    key,
    name,
    versionId,
    versionNumber: Number(versionId.slice(1)),
    frameworkId,
    frameworkName: frameworkId === "f1" ? "Engineering" : "Management",
  });
  const steps = [step("se-1", "Software Engineer"), step("senior", "Senior Engineer"), step("senior", "Senior Manager", "v1", "f2")];
  const placedOn = (stepId: string, stepName: string, versionId: string) => ({ stepId, stepKey: stepId.split("-").slice(1).join("-"), stepName, versionId, frameworkId: "f1" });
  const people: ExistingPerson[] = existing.map((p) =>
    p.email === "eve@example.com" ? { ...p, placement: placedOn("v2-se-1", "Software Engineer", "v2") } : p.email === "max@example.com" ? { ...p, placement: placedOn("v1-se-1", "Software Engineer", "v1") } : p,
  );
  const planWithSteps = (body: string) => {
    const { rows, errors } = parsePeopleCsv("email,name,role,manager_email,team,step\n" + body);
    expect(errors).toEqual([]);
    return planImport(rows, people, ["Platform"], steps);
  };

  it("places people by step key or name, ignoring case: initial, correction or migration", () => {
    const p = planWithSteps(
      [
        "ada@example.com,Ada,admin,,,SENIOR",
        "eve@example.com,Eve,engineer,max@example.com,Platform,senior engineer",
        "max@example.com,Max,manager,ada@example.com,Platform,se-1",
        "kim@example.com,Kim,engineer,max@example.com,Platform,Software Engineer",
      ].join("\n"),
    );
    expect(p.errors).toEqual([]);
    expect(p.placements.map((x) => [x.email, x.from, x.to, x.reason])).toEqual([
      ["ada@example.com", null, "Senior Engineer", "initial"],
      ["eve@example.com", "Software Engineer", "Senior Engineer", "correction"],
      ["max@example.com", "Software Engineer", "Software Engineer", "migration"],
      ["kim@example.com", null, "Software Engineer", "initial"],
    ]);
    expect(p.creates.map((c) => c.email)).toEqual(["kim@example.com"]);
    expect(p.updates).toEqual([]);
    expect(p.unchanged).toBe(0);
  });

  it("leaves placements alone for an empty cell, the same step, or no column at all", () => {
    expect(planWithSteps("eve@example.com,Eve,engineer,max@example.com,Platform,\nmax@example.com,Max,manager,ada@example.com,Platform,")).toMatchObject({ placements: [], unchanged: 2 });
    expect(planWithSteps("eve@example.com,Eve,engineer,max@example.com,Platform,Software Engineer")).toMatchObject({ placements: [], unchanged: 1 });
    expect(plan("eve@example.com,Eve,engineer,max@example.com,Platform").placements).toEqual([]);
  });

  it("names a step that matches nothing, with its row and column, and plans nothing", () => {
    const p = planWithSteps("eve@example.com,Eve,engineer,max@example.com,Platform,Wizard\nada@example.com,Ada,admin,,,senior");
    expect(p.errors).toEqual([{ line: 2, message: 'Row 2, column step: no step called "Wizard".' }]);
    expect(p.placements).toEqual([]);
  });

  it("exports the current step's key, and nothing for someone not placed", () => {
    const csv = peopleToCsv(people.map((p) => ({ ...p, managerEmail: p.managerEmail })));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows.map((r) => [r.email, r.step])).toEqual([
      ["ada@example.com", ""],
      ["max@example.com", "se-1"],
      ["eve@example.com", "se-1"],
      ["old@example.com", ""],
    ]);
  });
});

describe("peopleToCsv", () => {
  it("neutralises cells a spreadsheet would run, and an import reads them back as they were", () => {
    const csv = peopleToCsv([{ email: "x@example.com", name: "=HYPERLINK(\"http://evil\")", role: "engineer", managerEmail: null, team: "+Team", active: true }]);
    const [, row] = Papa.parse<string[]>(csv.trim()).data;
    expect(row![1]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(row![4]).toBe("'+Team");
    expect(parsePeopleCsv(csv).rows[0]).toMatchObject({ name: '=HYPERLINK("http://evil")', team: "+Team" });
  });
});
