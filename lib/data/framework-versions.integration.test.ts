import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFrameworkVersion } from "@/db/framework-store";
import { frameworks, frameworkVersions } from "@/db/schema";
import { defaultFramework } from "@/db/seed/default-framework";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { frameworkDefinitionSchema, type ParsedFrameworkDefinition } from "@/lib/framework/definition";
import { getVersionDiff, listFrameworkVersions } from "./framework-versions";

let handle: TestDatabase;
let admin: Viewer;
let manager: Viewer;
let engineer: Viewer;

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

/** The default framework with Staff Engineer renamed, one cell reworded and a new last step. */
function secondVersion(): ParsedFrameworkDefinition {
  const def = structuredClone(frameworkDefinitionSchema.parse(defaultFramework));
  def.steps.find((s) => s.key === "staff-engineer")!.name = "Staff Engineer I";
  const cell = def.cells.find((c) => c.step === "software-engineer" && c.dimension === "ownership")!;
  cell.summary = `${cell.summary} Asks for help early.`;
  def.steps.push({ key: "fellow", name: "Fellow", summary: "", timeframeMinMonths: null, timeframeMaxMonths: null });
  def.transitions.push({ from: "engineer-of-distinction", to: "fellow", label: "" });
  return def;
}

beforeAll(async () => {
  const demo = await createDemoDatabase();
  handle = demo.handle;
  [admin, manager, engineer] = await Promise.all([demo.as("alex"), demo.as("priya"), demo.as("sam")]);
  const [framework] = await handle.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, "engineering"));
  await handle.db.transaction(async (tx) => {
    const second = await insertFrameworkVersion(tx, { frameworkId: framework!.id, number: 2, status: "published", definition: secondVersion() });
    await tx.update(frameworkVersions).set({ publishedById: admin.id, notes: "Staff Engineer I, and a step beyond." }).where(eq(frameworkVersions.id, second.versionId));
    await insertFrameworkVersion(tx, { frameworkId: framework!.id, number: 3, status: "draft", definition: secondVersion() });
  });
});
afterAll(async () => {
  await handle.close();
});

describe("listFrameworkVersions", () => {
  it("lists the published versions, newest first, with their publisher and change note", async () => {
    for (const viewer of [engineer, manager]) {
      const [engineering] = await listFrameworkVersions(viewer);
      expect(engineering).toMatchObject({ key: "engineering", name: "Engineering career path" });
      expect(engineering!.versions).toEqual([
        { number: 2, status: "published", publishedAt: expect.any(Date), notes: "Staff Engineer I, and a step beyond.", publishedBy: admin.name },
        { number: 1, status: "published", publishedAt: expect.any(Date), notes: expect.any(String), publishedBy: null },
      ]);
    }
  });

  it("shows the draft to admins only", async () => {
    const [engineering] = await listFrameworkVersions(admin);
    expect(engineering!.versions.map((v) => [v.number, v.status])).toEqual([
      [3, "draft"],
      [2, "published"],
      [1, "published"],
    ]);
  });

  it("leaves out a framework whose only version is a draft, except for admins", async () => {
    const [other] = await handle.db.insert(frameworks).values({ key: "management", name: "Engineering management" }).returning({ id: frameworks.id });
    await handle.db.transaction((tx) =>
      insertFrameworkVersion(tx, { frameworkId: other!.id, number: 1, status: "draft", definition: { ...secondVersion(), key: "management" } }),
    );
    // The demo's second framework, Engineering management, is published: everyone lists it.
    expect((await listFrameworkVersions(engineer)).map((f) => f.key)).toEqual(["engineering", "engineering-management"]);
    expect((await listFrameworkVersions(admin)).map((f) => f.key)).toEqual(["engineering", "engineering-management", "management"]);
  });
});

describe("getVersionDiff", () => {
  it("compares two published versions by stable key, for everyone", async () => {
    const { framework, from, to, diff } = await getVersionDiff(engineer, "engineering", 1, 2);
    expect(framework).toEqual({ key: "engineering", name: "Engineering career path" });
    expect([from.number, to.number, to.publishedBy]).toEqual([1, 2, admin.name]);
    expect(diff.steps.map((s) => [s.key, s.status, s.renamed])).toEqual([
      ["staff-engineer", "kept", true],
      ["fellow", "added", false],
    ]);
    expect(diff.transitions.map((t) => [t.key, t.status])).toEqual([["engineer-of-distinction→fellow", "added"]]);
    expect(diff.cells.map((c) => [c.key, c.changed])).toEqual([["software-engineer/ownership", ["summary"]]]);
    expect(diff.cells[0]!.summaryText.filter((p) => p.kind === "inserted").map((p) => p.text.trim())).toEqual(["Asks for help early."]);
  });

  it("compares backwards too", async () => {
    const { diff } = await getVersionDiff(engineer, "engineering", 2, 1);
    expect(diff.steps.map((s) => [s.key, s.status])).toEqual([
      ["staff-engineer", "kept"],
      ["fellow", "removed"],
    ]);
  });

  it("treats a draft as missing for everyone but admins", async () => {
    expect(await rejection(getVersionDiff(engineer, "engineering", 2, 3))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getVersionDiff(manager, "engineering", 3, 1))).toBeInstanceOf(NotFoundError);
    const { to, diff } = await getVersionDiff(admin, "engineering", 2, 3);
    expect(to.status).toBe("draft");
    expect(diff.steps).toEqual([]);
  });

  it("answers not found for a missing framework or version, and for numbers and keys that cannot be", async () => {
    for (const [key, from, to] of [
      ["engineering", 1, 9],
      ["nothing", 1, 2],
      ["Engineering'; drop table users;--", 1, 2],
      ["engineering", 0, 1],
      ["engineering", 1.5, 2],
      ["engineering", Number.NaN, 2],
      ["engineering", 1, 2 ** 60],
    ] as const) {
      expect(await rejection(getVersionDiff(admin, key, from, to))).toBeInstanceOf(NotFoundError);
    }
  });
});
