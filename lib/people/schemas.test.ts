import { describe, expect, it } from "vitest";
import { createPersonSchema, renameTeamSchema, updatePersonSchema } from "./schemas";

const valid = { email: "kim@example.com", name: "Kim", role: "engineer", managerId: "", teamId: "", passwordMode: "link" };
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("person input", () => {
  it("reads a form: blank choices are none, the email is normalised", () => {
    expect(createPersonSchema.parse({ ...valid, email: "  Kim@Example.COM " })).toMatchObject({ email: "kim@example.com", managerId: null, teamId: null });
  });

  it("gives each bad field its own message", () => {
    const r = createPersonSchema.safeParse({ ...valid, email: "kim", name: "x".repeat(121), role: "boss", managerId: "123", passwordMode: "password", password: "short" });
    expect(errorsOf(r)).toEqual({
      email: "Enter an email address.",
      name: "Use at most 120 characters.",
      role: "Choose a role.",
      managerId: "Choose from the list.",
      password: "Use at least 10 characters.",
    });
  });

  it("refuses over-long emails and passwords, and an empty name", () => {
    expect(errorsOf(createPersonSchema.safeParse({ ...valid, email: `${"a".repeat(250)}@example.com` })).email).toBe("Use at most 254 characters.");
    expect(errorsOf(createPersonSchema.safeParse({ ...valid, passwordMode: "password", password: "p".repeat(201) })).password).toBe("Use at most 200 characters.");
    expect(errorsOf(createPersonSchema.safeParse({ ...valid, name: "   " })).name).toBe("Enter a name.");
    expect(errorsOf(createPersonSchema.safeParse({ ...valid, name: "=HYPERLINK(1)\nx" })).name).toBe("Use letters, not line breaks or control characters.");
  });

  it("needs a well-formed id and revision to change someone", () => {
    expect(updatePersonSchema.safeParse({ ...valid, id: "../../etc", revision: "1" }).success).toBe(false);
    expect(updatePersonSchema.safeParse({ ...valid, id: "6f1c9a4e-2b7d-4c3e-9a1f-0d2e3f4a5b6c", revision: "0" }).success).toBe(false);
    expect(renameTeamSchema.safeParse({ id: "6f1c9a4e-2b7d-4c3e-9a1f-0d2e3f4a5b6c", name: "t".repeat(81), revision: "1" }).success).toBe(false);
  });
});
