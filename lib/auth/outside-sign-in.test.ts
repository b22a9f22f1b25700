import { describe, expect, it } from "vitest";
import { OUTSIDE_REFUSALS, outsideRefusalMessage, outsideSignInAnswer } from "./outside-sign-in";

describe("outsideSignInAnswer", () => {
  it("lets in an active person whose email the provider verified", () => {
    expect(outsideSignInAnswer({ emailVerified: true, person: "active" })).toBe(true);
  });

  it("refuses an unverified email whoever has it", () => {
    for (const person of ["active", "deactivated", "unknown", null] as const) {
      expect(outsideSignInAnswer({ emailVerified: false, person })).toBe("/sign-in?error=unverified-email");
    }
  });

  it("tells a verified email with no person from a deactivated person", () => {
    expect(outsideSignInAnswer({ emailVerified: true, person: "unknown" })).toBe("/sign-in?error=unknown-email");
    expect(outsideSignInAnswer({ emailVerified: true, person: null })).toBe("/sign-in?error=unknown-email");
    expect(outsideSignInAnswer({ emailVerified: true, person: "deactivated" })).toBe("/sign-in?error=deactivated");
  });
});

describe("outsideRefusalMessage", () => {
  it("has a sentence for every refusal the callback can answer", () => {
    const answers = [
      outsideSignInAnswer({ emailVerified: false, person: null }),
      outsideSignInAnswer({ emailVerified: true, person: "unknown" }),
      outsideSignInAnswer({ emailVerified: true, person: "deactivated" }),
    ];
    const codes = answers.map((a) => new URL(String(a), "http://waymark.test").searchParams.get("error")!);
    expect(codes.map(outsideRefusalMessage)).toEqual([OUTSIDE_REFUSALS["unverified-email"], OUTSIDE_REFUSALS["unknown-email"], OUTSIDE_REFUSALS.deactivated]);
  });

  it("knows nothing of other codes, even the names of object properties", () => {
    expect(outsideRefusalMessage("AccessDenied")).toBeNull();
    expect(outsideRefusalMessage("toString")).toBeNull();
  });
});
