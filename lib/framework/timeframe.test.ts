import { describe, expect, it } from "vitest";
import { formatTimeframe } from "./timeframe";

describe("formatTimeframe", () => {
  it.each([
    [6, 12, "6–12 months"],
    [12, 24, "1–2 years"],
    [12, 36, "1–3 years"],
    [24, null, "2+ years"],
    [12, null, "12+ months"],
    [18, 30, "18–30 months"],
    [12, 12, "1 year"],
    [6, 6, "6 months"],
    [24, 24, "2 years"],
    [null, 6, "up to 6 months"],
    [null, 1, "up to 1 month"],
    [null, null, null],
  ])("%s to %s months reads %s", (min, max, text) => {
    expect(formatTimeframe(min, max)).toBe(text);
  });
});
