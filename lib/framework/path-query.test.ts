import { describe, expect, it } from "vitest";
import { parsePathQuery, pathHref } from "./path-query";

describe("parsePathQuery", () => {
  it("reads the framework and the pillar by key", () => {
    expect(parsePathQuery({ framework: "engineering-management", pillar: "delivery" })).toEqual({ framework: "engineering-management", pillar: "delivery" });
    expect(parsePathQuery({})).toEqual({ framework: undefined, pillar: undefined });
  });

  it("takes the first of repeated values, ignores empty ones and cuts hostile lengths", () => {
    expect(parsePathQuery({ framework: ["a", "b"], pillar: "  " })).toEqual({ framework: "a", pillar: undefined });
    expect(parsePathQuery({ framework: "x".repeat(10_000) }).framework).toHaveLength(100);
  });
});

describe("pathHref", () => {
  it("builds the page's address, leaving out what is not set", () => {
    expect(pathHref({})).toBe("/path");
    expect(pathHref({ framework: "engineering" })).toBe("/path?framework=engineering");
    expect(pathHref({ framework: "engineering-management", pillar: "people" }, "matrix")).toBe("/path?framework=engineering-management&pillar=people#matrix");
  });

  it("encodes what it is given", () => {
    expect(pathHref({ framework: "a&b=<c>" })).toBe("/path?framework=a%26b%3D%3Cc%3E");
  });
});
