import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { getWhereNow } from "./career";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
const today = new Date("2026-11-23T12:00:00Z");

beforeAll(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
});
afterAll(async () => {
  await handle.close();
});

describe("where an engineer is now", () => {
  it("gives the step, the time at it against the timeframe, and the branches that open next", async () => {
    const sam = await as("sam");
    const now = (await getWhereNow(sam, sam.id, today))!;
    expect(now.step.name).toBe("Senior Engineer");
    expect(now.framework).toEqual({ name: "Engineering career path", versionNumber: 1, versionStatus: "published" });
    expect(now.since).toBe("2024-05-23");
    expect(now.time).toEqual({ months: 30, expected: "2–3 years", status: "within" });
    expect(now.next.map((n) => [n.step.name, n.label])).toEqual([
      ["Senior Engineer II", "Deeper in one team"],
      ["Staff Engineer", "Broader across teams"],
    ]);
    expect(now.next[0]!.changes).toHaveLength(3);
    expect(now.next[0]!.changes.every((c) => c.now && c.next && c.newExpectations.length > 0)).toBe(true);
  });

  it("shows someone past their step's expected timeframe as such", async () => {
    const mei = await as("mei");
    expect((await getWhereNow(mei, mei.id, today))!.time).toEqual({ months: 15, expected: "6–12 months", status: "beyond" });
  });

  it("is readable by the manager chain and admins, and nobody else", async () => {
    const samId = await idOf("sam");
    expect((await getWhereNow(await as("priya"), samId, today))!.person.name).toBe("Sam Okafor");
    expect((await getWhereNow(await as("alex"), samId, today))!.person.name).toBe("Sam Okafor");
    for (const who of ["marcus", "lena", "aisha"]) {
      await expect(getWhereNow(await as(who), samId, today)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getWhereNow(await as("alex"), randomUUID(), today)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("has nothing to say about someone who is not on the path", async () => {
    const priya = await as("priya");
    expect(await getWhereNow(priya, priya.id, today)).toBeNull();
  });
});
