import { describe, expect, it } from "vitest";
import { evidenceFieldsSchema } from "./schemas";

const valid = { title: "Billing migration design", kind: "design-doc", occurredOn: "2026-03-02", link: "https://docs.example.com/billing", body: "", cellIds: [] };
const errorOf = (patch: object) => {
  const r = evidenceFieldsSchema.safeParse({ ...valid, ...patch });
  return r.success ? null : r.error.issues[0]!.message;
};

describe("evidence input", () => {
  it("accepts http and https links, and no link", () => {
    expect(errorOf({})).toBeNull();
    expect(errorOf({ link: "http://intranet.example.com/x" })).toBeNull();
    expect(evidenceFieldsSchema.parse({ ...valid, link: "  " }).link).toBeNull();
  });

  it("refuses other link schemes", () => {
    for (const link of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/x", "file:///etc/passwd", "not a url"]) {
      expect(errorOf({ link })).toBe("Links must start with https:// or http://.");
    }
  });

  it("counts a line break sent as CRLF once, as the person typed it", () => {
    const lines = "line\r\n".repeat(3_000);
    expect(lines.length).toBe(18_000);
    expect(errorOf({ body: lines + "x".repeat(4_000) })).toBeNull();
    expect(evidenceFieldsSchema.parse({ ...valid, body: "a\r\nb\rc" }).body).toBe("a\nb\nc");
    expect(evidenceFieldsSchema.parse({ ...valid, body: undefined }).body).toBe("");
  });

  it("refuses empty titles, over-long text, unknown kinds and future dates", () => {
    expect(errorOf({ title: "  " })).toBe("Give it a title.");
    expect(errorOf({ title: "t".repeat(201) })).toBe("Use at most 200 characters.");
    expect(errorOf({ body: "b".repeat(20_001) })).toBe("Keep it under 20,000 characters.");
    expect(errorOf({ kind: "blog" })).toBe("Choose a kind.");
    expect(errorOf({ occurredOn: "2199-01-01" })).toBe("Evidence is about something that happened: the date cannot be in the future.");
    expect(errorOf({ occurredOn: "2999-01-01" })).toBe("Use a date between 1900 and 2200.");
    expect(errorOf({ occurredOn: "2026-02-30" })).toBe("Use a real date, like 2026-12-31.");
    expect(errorOf({ cellIds: ["x"] })).not.toBeNull();
  });
});
