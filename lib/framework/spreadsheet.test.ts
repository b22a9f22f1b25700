import { describe, expect, it } from "vitest";
import { describeProblem } from "./format";
import { keyFromName, parseCellText, parseFrameworkSpreadsheet, parseTimeframe } from "./spreadsheet";

const framework = { key: "engineering", name: "Engineering" };

const csv = [
  "name,summary,timeframe,leads_to,Scope of influence,Ownership",
  "Software Engineer,Delivers tasks.,6-12,Software Engineer II,Their own tasks.,Finishes what they start.",
  'Software Engineer II,Owns features.,12-24,"Senior Engineer: promotion; Tech Lead",A feature.,',
  "Senior Engineer,Leads the team.,24+,,The team.,Owns outcomes.",
  "Tech Lead,Leads delivery.,,,,Owns the plan.",
].join("\n");

const parse = (text: string, fw = framework) => parseFrameworkSpreadsheet(text, fw);
const problemsOf = (text: string) => {
  const r = parse(text);
  return r.ok ? [] : r.problems.map(describeProblem);
};

describe("reading a framework spreadsheet", () => {
  it("makes a step of each row and a dimension of each other column, with keys from the names", () => {
    const r = parse(csv);
    if (!r.ok) throw new Error(r.problems.map(describeProblem).join("\n"));
    const def = r.value;
    expect(def).toMatchObject({ key: "engineering", name: "Engineering", description: "" });
    expect(def.dimensions.map((d) => [d.key, d.name])).toEqual([
      ["scope-of-influence", "Scope of influence"],
      ["ownership", "Ownership"],
    ]);
    expect(def.steps.map((s) => [s.key, s.timeframeMinMonths, s.timeframeMaxMonths])).toEqual([
      ["software-engineer", 6, 12],
      ["software-engineer-ii", 12, 24],
      ["senior-engineer", 24, null],
      ["tech-lead", null, null],
    ]);
    expect(def.transitions).toEqual([
      { from: "software-engineer", to: "software-engineer-ii", label: "" },
      { from: "software-engineer-ii", to: "senior-engineer", label: "promotion" },
      { from: "software-engineer-ii", to: "tech-lead", label: "" },
    ]);
    // An empty cell is no cell: a dimension may start at a later step.
    expect(def.cells.filter((c) => c.step === "software-engineer-ii").map((c) => c.dimension)).toEqual(["scope-of-influence"]);
    expect(def.cells.filter((c) => c.step === "tech-lead").map((c) => c.dimension)).toEqual(["ownership"]);
  });

  it("takes keys, min_months and max_months columns, a byte-order mark and CRLF line ends", () => {
    const text = "\uFEFFkey,name,min_months,max_months,leads_to,Craft\r\nse,Engineer,6,12,senior,Builds.\r\nsenior,Senior,24,,,Designs.\r\n";
    const r = parse(text);
    expect(r.ok && r.value.steps).toEqual([
      { key: "se", name: "Engineer", summary: "", timeframeMinMonths: 6, timeframeMaxMonths: 12 },
      { key: "senior", name: "Senior", summary: "", timeframeMinMonths: 24, timeframeMaxMonths: null },
    ]);
    expect(r.ok && r.value.transitions).toEqual([{ from: "se", to: "senior", label: "" }]);
  });

  it("keeps emoji and non-Latin names, with numbered keys where a name has no Latin letters", () => {
    const text = "name,Владение 🚀,所有権\nИнженер,Делает задачи,タスク\nStaff 🌟,Ведёт,リード";
    const r = parse(text, { key: "mixed", name: "混合 🧭" });
    if (!r.ok) throw new Error(r.problems.map(describeProblem).join("\n"));
    expect(r.value.name).toBe("混合 🧭");
    expect(r.value.dimensions).toMatchObject([
      { key: "dimension-1", name: "Владение 🚀" },
      { key: "dimension-2", name: "所有権" },
    ]);
    expect(r.value.steps.map((s) => [s.key, s.name])).toEqual([
      ["step-1", "Инженер"],
      ["staff", "Staff 🌟"],
    ]);
  });

  it("keeps hostile text as text", () => {
    const hostile = '<script>alert("x")</script> =HYPERLINK("http://evil") \u202Eevil';
    const text = `name,Craft\n"${hostile.replaceAll('"', '""')}","<img src=x onerror=alert(1)>"`;
    const r = parse(text);
    expect(r.ok && r.value.steps[0]!.name).toBe(hostile);
    expect(r.ok && r.value.cells[0]!.summary).toBe("<img src=x onerror=alert(1)>");
  });

  it("reads expectations from bulleted lines under a cell's first line", () => {
    expect(parseCellText("Owns features.\n- Writes the design\n• Ships it")).toEqual({
      summary: "Owns features.",
      expectations: [
        { text: "Writes the design", examples: [] },
        { text: "Ships it", examples: [] },
      ],
    });
    expect(parseCellText("- only a list\n- of bullets")).toEqual({ summary: "- only a list\n- of bullets", expectations: [] });
    expect(parseCellText("a - b")).toEqual({ summary: "a - b", expectations: [] });
  });
});

describe("problems in a spreadsheet", () => {
  it("name their row and column", () => {
    const text = [
      "name,timeframe,leads_to,Ownership",
      "One,soon,Two,Does.",
      "Two,12-24,Nowhere: never,Leads.",
      ",,,Orphan.",
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      'row 2, column "timeframe": "soon" is not a timeframe; write months as 12-24, 24+ or 12.',
      'row 3, column "leads_to": No step is called "Nowhere".',
    ]);
  });

  it("found by the definition's checks point at the spreadsheet too", () => {
    const text = ["key,name,leads_to,Ownership", "a,A,b,Does.", "b,B,a,Leads.", "Bad Key,C,,", "d,,,x"].join("\n");
    const problems = problemsOf(text);
    expect(problems).toContainEqual(expect.stringMatching(/^row 4, column "key": Keys are lower-case/));
    expect(problems).toContainEqual(expect.stringMatching(/^row 5, column "name": /));
    expect(problems).toContainEqual(expect.stringMatching(/^column "leads_to": The path loops back on itself: a → b → a/));
  });

  it("in the header: no name column, no dimensions, a dimension twice, two timeframes", () => {
    expect(problemsOf("title,Craft\nOne,x")).toEqual(['row 1: The header row has no "name" column for the name of each step.']);
    expect(problemsOf("name,summary\nOne,x")).toEqual([expect.stringMatching(/^row 1: The header row has no dimension columns/)]);
    expect(problemsOf("name,Craft,craft\nOne,x,y")).toEqual(['row 1, column "craft": This dimension appears twice.']);
    expect(problemsOf("name,timeframe,min_months,Craft\nOne,1,2,x")).toEqual([expect.stringMatching(/^row 1, column "timeframe": Give the timeframe either/)]);
  });

  it("ignore an empty column without a name, but not one that has cells", () => {
    expect(problemsOf("name,Craft,\nOne,x,\n")).toEqual([]);
    expect(problemsOf("name,Craft,\nOne,x,y\n")).toEqual(["row 1: Column 3 has cells but no name in the header row."]);
  });

  it("refuse a row longer than the header, an empty file and a file without steps", () => {
    expect(problemsOf("name,Craft\nOne,x,extra")).toEqual(["row 2: This row has 3 cells, more than the 2 columns the header names."]);
    expect(problemsOf("")).toEqual([expect.stringMatching(/^The file is empty/)]);
    expect(problemsOf("name,Craft\n\n")).toEqual(["The file has no steps: add one row per step under the header."]);
  });

  it("refuse more than 60 steps and the framework's own bad key", () => {
    const many = ["name,Craft", ...Array.from({ length: 61 }, (_, i) => `Step ${i},x`)].join("\n");
    expect(problemsOf(many)).toEqual(["The file has 61 steps (rows); a framework has at most 60."]);
    const r = parse("name,Craft\nOne,x", { key: "Not A Key", name: "X" });
    expect(r.ok ? [] : r.problems.map(describeProblem)).toEqual([expect.stringMatching(/^The framework's key: Keys are/)]);
  });

  it("refuse a 10,000-column file from its header, and a file over 2 MB", () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `Dimension ${i}`).join(",");
    const text = `name,${header}\n${"x,".repeat(10_000)}x\n`.repeat(10);
    expect(problemsOf(text)).toEqual(["row 1: The header row has 10001 columns; a framework spreadsheet has at most 200."]);
    expect(problemsOf("name,Craft\n" + "x".repeat(2_000_001))).toEqual([expect.stringMatching(/larger than 2 MB/)]);
  });
});

describe("keys and timeframes", () => {
  it("derives keys from names", () => {
    expect(keyFromName("Senior Engineer II", "step", 1)).toBe("senior-engineer-ii");
    expect(keyFromName("Équipe & Qualité", "dimension", 1)).toBe("equipe-qualite");
    expect(keyFromName("10x impact", "dimension", 2)).toBe("dimension-10x-impact");
    expect(keyFromName("🚀", "step", 7)).toBe("step-7");
    expect(keyFromName("a".repeat(60), "step", 1)).toHaveLength(48);
  });

  it("reads timeframes as people write them", () => {
    expect(parseTimeframe("12-24")).toEqual({ min: 12, max: 24 });
    expect(parseTimeframe("12 – 24 months")).toEqual({ min: 12, max: 24 });
    expect(parseTimeframe("24+")).toEqual({ min: 24, max: null });
    expect(parseTimeframe("6")).toEqual({ min: 6, max: 6 });
    expect(parseTimeframe("")).toEqual({ min: null, max: null });
    expect(parseTimeframe("two years")).toBeNull();
  });
});
