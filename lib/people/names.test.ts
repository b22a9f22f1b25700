import { describe, expect, it } from "vitest";
import { firstName } from "./names";

describe("firstName", () => {
  it("is the first word of the full name", () => {
    expect(firstName("Priya Raman")).toBe("Priya");
    expect(firstName("  Ana  María López ")).toBe("Ana");
    expect(firstName("Prince")).toBe("Prince");
  });
});
