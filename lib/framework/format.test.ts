import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultFramework } from "@/db/seed/default-framework";
import { frameworkDefinitionSchema, type ParsedFrameworkDefinition } from "./definition";
import {
  describeProblem,
  findExcessiveNesting,
  findJsonSyntaxError,
  formatFrameworkFile,
  frameworkJsonSchema,
  jsonPath,
  parseFrameworkFile,
  toFrameworkFile,
  type ExportableVersion,
} from "./format";

/** A definition as the database would hand it back: ids for every step and dimension, transitions in any order. */
function asLoaded(def: ParsedFrameworkDefinition, notes = ""): ExportableVersion {
  return {
    framework: { key: def.key, name: def.name, description: def.description },
    version: { number: 3, status: "published", publishedAt: new Date("2026-05-01T09:30:00Z"), notes },
    dimensions: def.dimensions.map((d) => ({ id: `d:${d.key}`, ...d })),
    steps: def.steps.map((s) => ({ id: `s:${s.key}`, ...s })),
    transitions: def.transitions.map((t) => ({ fromStepId: `s:${t.from}`, toStepId: `s:${t.to}`, label: t.label })).reverse(),
    cells: def.cells.map((c) => ({ stepId: `s:${c.step}`, dimensionId: `d:${c.dimension}`, summary: c.summary, expectations: c.expectations })).reverse(),
  };
}

const seeded = frameworkDefinitionSchema.parse(defaultFramework);
const exported = formatFrameworkFile(toFrameworkFile(asLoaded(seeded, "First version.")));

const problemsOf = (text: string) => {
  const r = parseFrameworkFile(text);
  return r.ok ? [] : r.problems.map(describeProblem);
};

const withChange = (change: (doc: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void) => {
  const doc = JSON.parse(exported);
  change(doc);
  return JSON.stringify(doc);
};

describe("exporting a version", () => {
  it("writes the format version, the framework, where the version came from, and the definition", () => {
    const file = JSON.parse(exported);
    expect(Object.keys(file)).toEqual(["formatVersion", "framework", "version", "dimensions", "steps", "transitions", "cells"]);
    expect(file.formatVersion).toBe(1);
    expect(file.framework).toEqual({ key: "engineering", name: seeded.name, description: seeded.description });
    expect(file.version).toEqual({ number: 3, status: "published", publishedAt: "2026-05-01T09:30:00.000Z", notes: "First version." });
    expect(exported.endsWith("}\n")).toBe(true);
  });

  it("orders transitions and cells by step and dimension, whatever order they were loaded in", () => {
    const file = JSON.parse(exported);
    const stepIndex = new Map(seeded.steps.map((s, i) => [s.key, i]));
    const order = file.cells.map((c: { step: string }) => stepIndex.get(c.step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(file.transitions[0]).toMatchObject({ from: "software-engineer", to: "software-engineer-2" });
  });

  it("reads back as the same definition, and writes the same text again", () => {
    const parsed = parseFrameworkFile(exported);
    if (!parsed.ok) throw new Error(parsed.problems.map(describeProblem).join("\n"));
    expect(parsed.value.definition.steps).toEqual(seeded.steps);
    expect(new Set(parsed.value.definition.cells)).toEqual(new Set(seeded.cells));
    expect(formatFrameworkFile(parsed.value.file)).toBe(exported);
  });
});

describe("reading a framework file", () => {
  it("takes a hand-written file with only what is required", () => {
    const text = JSON.stringify({
      formatVersion: 1,
      framework: { key: "data", name: "Data 📊" },
      dimensions: [{ key: "craft", name: "Ремесло" }],
      steps: [{ key: "one", name: "データ I" }],
      transitions: [],
      cells: [{ step: "one", dimension: "craft", summary: "<script>alert(1)</script>" }],
    });
    const parsed = parseFrameworkFile(text);
    expect(parsed.ok && parsed.value.definition).toMatchObject({
      key: "data",
      name: "Data 📊",
      description: "",
      cells: [{ summary: "<script>alert(1)</script>", expectations: [] }],
    });
  });

  it("lists each problem at its JSON path", () => {
    const text = withChange((doc) => {
      doc.steps[3]!.key = "Senior Engineer";
      doc.steps[1]!.name = "";
      delete (doc.framework as Record<string, unknown>).name;
    });
    const problems = problemsOf(text);
    expect(problems).toContainEqual(expect.stringMatching(/^steps\[3\]\.key: Keys are lower-case/));
    expect(problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.name: /));
    expect(problems).toContainEqual(expect.stringMatching(/^framework\.name: /));
  });

  it("reports the checks across parts at their paths too", () => {
    const text = withChange((doc) => {
      doc.steps[2]!.key = doc.steps[1]!.key;
      (doc.cells as { step: string }[])[0]!.step = "nowhere";
      (doc.framework as Record<string, unknown>).key = "Bad Key";
    });
    const problems = problemsOf(text);
    expect(problems).toContainEqual('steps[2].key: Step key "software-engineer-2" is used twice.');
    expect(problems).toContainEqual('cells[0].step: No step has the key "nowhere".');
    expect(problems).toContainEqual(expect.stringMatching(/^framework\.key: Keys are/));
  });

  it("says a loop in the transitions is a problem", () => {
    const text = withChange((doc) => {
      (doc.transitions as unknown[]).push({ from: "staff-engineer", to: "software-engineer", label: "" });
    });
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(/^transitions: The path loops back on itself/));
  });

  it("says where JSON breaks", () => {
    expect(problemsOf('{\n  "formatVersion": 1,\n  "steps": [,]\n}')).toEqual(["This is not valid JSON: it breaks at line 3, column 13."]);
    expect(problemsOf('{"formatVersion": 1, "steps": [')).toEqual(["This is not valid JSON: the file ends too early."]);
    expect(problemsOf("")).toEqual(["The file is empty."]);
  });

  it("refuses JSON that is not a framework file, and a file from a newer Waymark", () => {
    expect(problemsOf("[1, 2, 3]")).toEqual([expect.stringMatching(/not a Waymark framework file/)]);
    expect(problemsOf('{"name": "package"}')).toEqual([expect.stringMatching(/not a Waymark framework file/)]);
    expect(problemsOf(withChange((doc) => (doc.formatVersion = 2)))).toEqual([expect.stringMatching(/^formatVersion: The file is in format version 2/)]);
    expect(problemsOf(withChange((doc) => (doc.formatVersion = "1")))).toEqual(["formatVersion: formatVersion must be 1."]);
  });

  it("refuses a 10,000-level document before parsing it", () => {
    const deep = `{"formatVersion": 1, "x": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    expect(problemsOf(deep)).toEqual([expect.stringMatching(/nested more than 64 levels deep \(line 1, column \d+\)/)]);
  });

  it("does not count brackets inside strings as nesting", () => {
    expect(findExcessiveNesting(JSON.stringify({ a: "[".repeat(100), b: '\\"{{{' }), 2)).toBe(-1);
    expect(findExcessiveNesting("[[[", 2)).toBe(2);
  });

  it("refuses a file over 2 MB without reading it", () => {
    expect(problemsOf(" ".repeat(10_000_000))).toEqual([expect.stringMatching(/larger than 2 MB/)]);
    // Counted in bytes: 700,000 three-byte characters are 2.1 MB.
    expect(problemsOf(`"${"€".repeat(700_000)}"`)).toEqual([expect.stringMatching(/larger than 2 MB/)]);
  });

  it("cuts a long list of problems", () => {
    const text = withChange((doc) => {
      doc.cells = Array.from({ length: 300 }, () => ({ step: "", dimension: "", summary: "" }));
    });
    const problems = problemsOf(text);
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toMatch(/^…and \d+ more problems\.$/);
  });
});

describe("JSON paths", () => {
  it("reads like code", () => {
    expect(jsonPath(["steps", 3, "key"])).toBe("steps[3].key");
    expect(jsonPath(["cells", 0, "expectations", 2, "examples", 1])).toBe("cells[0].expectations[2].examples[1]");
    expect(jsonPath(["a b"])).toBe('["a b"]');
    expect(jsonPath([])).toBe("");
  });
});

describe("the JSON Schema", () => {
  it("is generated from the zod schema, and docs/framework.schema.json is up to date (npm run framework -- schema --write)", () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "framework.schema.json"), "utf8");
    expect(committed).toBe(`${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
  });

  it("describes the document's parts", () => {
    const schema = frameworkJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["formatVersion", "framework", "dimensions", "steps", "transitions", "cells"]));
    expect(schema.required).not.toContain("version");
    expect(schema.properties.formatVersion).toMatchObject({ const: 1 });
  });
});

describe("finding where JSON breaks", () => {
  it("agrees with JSON.parse on what is valid", () => {
    for (const ok of ['{"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9"]}', "[]", " {} ", '"s"', "0"]) {
      expect(() => JSON.parse(ok)).not.toThrow();
      expect(findJsonSyntaxError(ok)).toBe(-1);
    }
  });

  it("points at the first character that cannot be", () => {
    expect(findJsonSyntaxError('{"a": 1,}')).toBe(8);
    expect(findJsonSyntaxError('{"a" 1}')).toBe(5);
    expect(findJsonSyntaxError("[1 2]")).toBe(3);
    expect(findJsonSyntaxError("[01]")).toBe(2);
    expect(findJsonSyntaxError('"bad \\x"')).toBe(5);
    expect(findJsonSyntaxError("{} x")).toBe(3);
    expect(findJsonSyntaxError('{"a": [1, 2')).toBe(11);
  });
});
