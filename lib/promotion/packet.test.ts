import { describe, expect, it } from "vitest";
import { buildPacket, packetMarkdown, type PacketHeader } from "./packet";

const step = (id: string, name: string, min: number | null, max: number | null) => ({ id, key: id, name, summary: "", timeframeMinMonths: min, timeframeMaxMonths: max });
const version = {
  framework: { name: "Engineering" },
  version: { number: 2 },
  steps: [step("a", "Engineer", 6, 12), step("b", "Senior", 12, 24), step("c", "Staff", null, null), step("d", "Principal", null, null)],
  dimensions: [
    { id: "scope", key: "scope", name: "Scope", group: null },
    { id: "craft", key: "craft", name: "Craft", group: null },
    { id: "late", key: "late", name: "Late starter", group: null },
  ],
  transitions: [
    { fromStepId: "a", toStepId: "b", label: "" },
    { fromStepId: "b", toStepId: "c", label: "broader" },
    { fromStepId: "c", toStepId: "d", label: "" },
  ],
  cells: [
    { id: "b-scope", stepId: "b", dimensionId: "scope", summary: "Leads a team's work.", expectations: [{ text: "Plans quarters", examples: [] }] },
    { id: "b-craft", stepId: "b", dimensionId: "craft", summary: "Designs systems.", expectations: [] },
    // A ragged matrix: nothing expected on "Late starter" at Senior.
  ],
};
const today = new Date("2026-11-26T12:00:00Z");
const item = (id: string, cellIds: string[]) => ({ id, title: `Item ${id}`, kind: "design-doc" as const, occurredOn: "2026-05-01", link: null, cellIds });

describe("a promotion packet", () => {
  it("reads the target step cell by cell, with the evidence on each and the rest apart", () => {
    const p = buildPacket(version, { fromStepId: "a", toStepId: "b" }, { since: "2026-01-26", evidence: [item("1", ["b-scope"]), item("2", ["a-x"])], self: null, manager: null }, today)!;
    expect(p.cells.map((c) => [c.dimension.key, c.cell?.id ?? null, c.evidence.map((e) => e.id)])).toEqual([
      ["scope", "b-scope", ["1"]],
      ["craft", "b-craft", []],
      ["late", null, []],
    ]);
    expect(p.otherEvidence.map((e) => e.id)).toEqual(["2"]);
    expect(p.time).toMatchObject({ months: 10, status: "within" });
    expect(p.flags).toEqual([{ kind: "unbacked", text: "Craft at Senior: no evidence" }]);
  });

  it("flags self and manager two steps apart, too little time at the step, and far past its longest", () => {
    const self = { submittedAt: today, cycleName: "H2", ratings: [{ dimensionId: "scope", stepId: "c" }] };
    const manager = { submittedAt: today, cycleName: "H2", ratings: [{ dimensionId: "scope", stepId: "a" }] };
    const soon = buildPacket(version, { fromStepId: "a", toStepId: "b" }, { since: "2026-09-26", evidence: [], self, manager }, today)!;
    expect(soon.flags.map((f) => f.kind)).toEqual(["gap", "too-soon", "unbacked", "unbacked"]);
    expect(soon.flags[0]!.text).toBe("Scope: self and manager far apart (self-placement 2 steps further on)");
    const late = buildPacket(version, { fromStepId: "a", toStepId: "b" }, { since: "2024-11-26", evidence: [], self: null, manager: null }, today)!;
    expect(late.flags.map((f) => f.kind)).toContain("long-past");
  });

  it("is null when a step is no longer in the version", () => {
    expect(buildPacket(version, { fromStepId: "a", toStepId: "gone" }, { since: null, evidence: [], self: null, manager: null }, today)).toBeNull();
  });

  it("writes Markdown that keeps what people wrote inert: fenced, whatever it holds", () => {
    const p = buildPacket(version, { fromStepId: "a", toStepId: "b" }, { since: "2026-01-26", evidence: [item("1", ["b-scope"])], self: null, manager: null }, today)!;
    const header: PacketHeader = {
      subject: { name: "Ada # [Lovelace](javascript:alert(1))", team: "Platform" },
      cycle: "2026 H2",
      status: "Approved",
      proposedBy: "Grace",
      narrative: "<img src=x onerror=alert(1)>\n~~~\n# not a heading",
      decision: { outcome: "approved", rationale: "Ready. ![t](https://tracker.example/p.gif)", by: "Alan", at: today, effectiveOn: "2027-01-01" },
    };
    const md = packetMarkdown(header, p, "https://waymark.example");
    expect(md).toContain("# Promotion case: Ada \\# \\[Lovelace\\](javascript:alert(1))");
    expect(md).toContain("~~~~markdown\n<img src=x onerror=alert(1)>\n~~~\n# not a heading\n~~~~");
    expect(md).toContain("~~~markdown\nReady. ![t](https://tracker.example/p.gif)\n~~~");
    expect(md).toContain("**No evidence for this cell.**");
    expect(md).toContain("- [Item 1](https://waymark.example/evidence/1) — Design doc, 1 May 2026");
    expect(md).toContain("- **Decided:** Approved, effective 1 January 2027");
  });
});
