import { describe, expect, it } from "vitest";
import { importReason, reasonProblem } from "./rules";
import { correctPlacementSchema, latestEffectiveOn, placePersonSchema } from "./schemas";

const v1 = { versionId: "v1" };

describe("reasonProblem", () => {
  it("takes initial for someone not placed, and only that", () => {
    expect(reasonProblem("initial", null, "v1")).toBeNull();
    expect(reasonProblem("correction", null, "v1")).toMatch(/not placed yet/);
    expect(reasonProblem("migration", null, "v1")).toMatch(/not placed yet/);
  });

  it("takes correction on any version and migration onto another version for someone placed", () => {
    expect(reasonProblem("initial", v1, "v1")).toMatch(/placed already/);
    expect(reasonProblem("correction", v1, "v1")).toBeNull();
    expect(reasonProblem("correction", v1, "v2")).toBeNull();
    expect(reasonProblem("migration", v1, "v2")).toBeNull();
    expect(reasonProblem("migration", v1, "v1")).toMatch(/another framework version/);
  });
});

describe("importReason", () => {
  it("is initial, migration or correction", () => {
    expect(importReason(null, "v1")).toBe("initial");
    expect(importReason(v1, "v2")).toBe("migration");
    expect(importReason(v1, "v1")).toBe("correction");
  });
});

describe("placePersonSchema", () => {
  const valid = { personId: "p", stepId: "5b0ff0a4-9f59-4e7c-8f33-3c1b9a1c3f10", effectiveOn: "2026-01-31", reason: "initial", note: "" };

  it("refuses promotion, impossible and future dates, and a step that is no id", () => {
    const result = placePersonSchema.safeParse({ ...valid, reason: "promotion", effectiveOn: "2026-02-30", stepId: "senior" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toEqual([
      ["stepId", "Choose a step."],
      ["effectiveOn", "Use a real date, like 2026-12-31."],
      ["reason", "Promotions are recorded by approved promotion cases: choose initial, correction or migration."],
    ]);
    const future = placePersonSchema.safeParse({ ...valid, effectiveOn: "2199-01-01" });
    expect(future.error!.issues[0]!.message).toMatch(/takes effect on its date/);
  });

  it("counts a CRLF in the note once, trims it, and bounds it", () => {
    expect(placePersonSchema.parse({ ...valid, note: " a\r\nb " }).note).toBe("a\nb");
    expect(placePersonSchema.parse({ ...valid, note: undefined }).note).toBe("");
    expect(placePersonSchema.safeParse({ ...valid, note: "x".repeat(2001) }).success).toBe(false);
    expect(placePersonSchema.safeParse({ ...valid, note: "a\u0000b" }).success).toBe(false);
  });

  it("lets a placement take effect today, or tomorrow for time zones ahead of UTC", () => {
    expect(latestEffectiveOn(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(correctPlacementSchema.safeParse({ id: "x", revision: "r", stepId: valid.stepId, effectiveOn: latestEffectiveOn(), note: "" }).success).toBe(true);
  });
});
