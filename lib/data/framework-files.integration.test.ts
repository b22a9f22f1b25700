import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportVersion, findFrameworkVersion, importFrameworkFile } from "@/db/framework-files";
import { installDatabase } from "@/db/runtime";
import { auditEvents, frameworks, frameworkVersions, steps, transitions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { describeProblem, formatFrameworkFile, type FrameworkFile } from "@/lib/framework/format";
import { exportFrameworkVersion, importFramework, listFrameworks, publishDraft } from "./framework-files";
import { loadViewer } from "./viewer";

let handle: TestDatabase;
let admin: Viewer;
let engineer: Viewer;

// The default framework and two people, without the demo organisation: nothing here needs it.
beforeEach(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle, { demo: false });
  installDatabase(handle);
  const people = await handle.db
    .insert(users)
    .values([
      { email: "admin@example.com", name: "Ada Admin", role: "admin" },
      { email: "engineer@example.com", name: "Eli Engineer", role: "engineer" },
    ])
    .returning({ id: users.id });
  admin = (await loadViewer(people[0]!.id))!;
  engineer = (await loadViewer(people[1]!.id))!;
});
afterEach(async () => {
  await handle.close();
});

/** What stays the same when a file moves: everything but where the version came from. */
const content = (file: FrameworkFile): Partial<FrameworkFile> => ({ ...file, version: undefined });

const counts = async () => ({
  frameworks: await handle.db.$count(frameworks),
  versions: await handle.db.$count(frameworkVersions),
  steps: await handle.db.$count(steps),
  audit: await handle.db.$count(auditEvents),
});

const csv = ["name,timeframe,leads_to,Craft,Impact", "Analyst,6-12,Senior Analyst,Writes queries.,Their team.", "Senior Analyst,24+,,Designs models.,Several teams."].join("\n");

describe("exporting a framework version", () => {
  it("gives everyone signed in the latest published version as a file", async () => {
    const { file, text, filename } = await exportFrameworkVersion(engineer, "engineering");
    expect(filename).toBe("engineering-v1.json");
    expect(file).toMatchObject({ formatVersion: 1, framework: { key: "engineering" }, version: { number: 1, status: "published" } });
    expect(file.steps).toHaveLength(8);
    expect(text).toBe(formatFrameworkFile(file));
  });

  it("hides drafts from everyone but admins, and answers not found for what does not exist", async () => {
    const imported = await importFramework(admin, { text: csv, kind: "csv", name: "Data" });
    expect(imported).toMatchObject({ ok: true, frameworkKey: "data", number: 1 });
    await expect(exportFrameworkVersion(engineer, "data", 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportFrameworkVersion(engineer, "data")).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportFrameworkVersion(admin, "data", 1)).resolves.toMatchObject({ file: { version: { status: "draft" } } });
    for (const [key, number] of [["nope", undefined], ["engineering", 7], ["engineering", 0], ["engineering", 1.5], ["'; drop table", 1], ["engineering", Number.NaN]] as const) {
      await expect(exportFrameworkVersion(admin, key, number)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("the seeded framework round-trips", () => {
  it("export → import under a new key → publish → export gives the same document", async () => {
    const first = await exportFrameworkVersion(engineer, "engineering");
    const imported = await importFramework(admin, { text: first.text, kind: "json", frameworkKey: "engineering-copy" });
    if (!imported.ok) throw new Error(imported.problems.map(describeProblem).join("\n"));
    expect(imported).toMatchObject({ number: 1, status: "draft", created: true });
    expect(await publishDraft(admin, { versionId: imported.versionId, note: "Copied." })).toEqual({ ok: true, number: 1 });
    const second = await exportFrameworkVersion(engineer, "engineering-copy");
    expect(content(second.file)).toEqual({ ...content(first.file), framework: { ...first.file.framework, key: "engineering-copy" } });
    expect(second.file.version).toMatchObject({ number: 1, status: "published", notes: "Copied." });
  });

  it("export → import as the next draft of the same framework → export gives the same document", async () => {
    const first = await exportFrameworkVersion(admin, "engineering");
    const imported = await importFramework(admin, { text: first.text, kind: "json" });
    expect(imported).toMatchObject({ ok: true, frameworkKey: "engineering", number: 2, status: "draft", created: false });
    const second = await exportFrameworkVersion(admin, "engineering", 2);
    expect(content(second.file)).toEqual(content(first.file));
    expect(second.file.version).toEqual({ number: 2, status: "draft", publishedAt: null, notes: "" });
  });

  it("into an empty database, as the command line does, publishing on the way", async () => {
    const first = await exportFrameworkVersion(engineer, "engineering");
    const empty = await createTestDatabase();
    try {
      const imported = await importFrameworkFile(empty.db, { id: null, via: "cli" }, { text: first.text, kind: "json", publish: { note: "" } });
      expect(imported).toMatchObject({ ok: true, frameworkKey: "engineering", number: 1, status: "published" });
      const version = await findFrameworkVersion(empty.db, "engineering");
      const second = (await exportVersion(empty.db, version!.id))!;
      expect(formatFrameworkFile({ ...second, version: { ...second.version!, publishedAt: first.file.version!.publishedAt } })).toBe(first.text);
      const events = await empty.db.select().from(auditEvents);
      expect(events.map((e) => [e.action, e.actorId, (e.after as { via: string }).via])).toEqual([
        ["framework.import", null, "cli"],
        ["framework.publish", null, "cli"],
      ]);
    } finally {
      await empty.close();
    }
  });
});

describe("importing a framework", () => {
  it("lands a spreadsheet as the draft of a new framework, audited", async () => {
    const result = await importFramework(admin, { text: csv, kind: "csv", name: "Data 📊", frameworkKey: "data" });
    expect(result).toMatchObject({ ok: true, frameworkKey: "data", number: 1, status: "draft", created: true });
    const [framework] = await handle.db.select().from(frameworks).where(eq(frameworks.key, "data"));
    expect(framework).toMatchObject({ name: "Data 📊" });
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "framework.import"));
    expect(event).toMatchObject({ actorId: admin.id, entityType: "framework_version", entityId: result.ok && result.versionId });
    expect(event!.after).toMatchObject({ framework: "data", number: 1, status: "draft", kind: "csv", via: "app" });
  });

  it("refuses a second draft of a framework, and changes nothing", async () => {
    const { text } = await exportFrameworkVersion(admin, "engineering");
    await importFramework(admin, { text, kind: "json" });
    const before = await counts();
    const again = importFramework(admin, { text, kind: "json" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/already has a draft \(version 2\)/);
    expect(await counts()).toEqual(before);
  });

  it("answers the problems of an invalid file and changes nothing", async () => {
    const before = await counts();
    const { file } = await exportFrameworkVersion(admin, "engineering");
    const broken = { ...file, steps: file.steps.map((s, i) => (i === 3 ? { ...s, key: "Senior!" } : s)) };
    const result = await importFramework(admin, { text: JSON.stringify(broken), kind: "json" });
    expect(result.ok ? [] : result.problems.map(describeProblem)).toContainEqual(expect.stringMatching(/^steps\[3\]\.key: Keys are/));
    const deep = await importFramework(admin, { text: "[".repeat(10_000), kind: "json" });
    expect(deep.ok ? [] : deep.problems.map(describeProblem)).toEqual([expect.stringMatching(/nested more than 64 levels/)]);
    const badCsv = await importFramework(admin, { text: "name,Craft\nOne,x,y", kind: "csv", name: "Broken" });
    expect(badCsv.ok ? [] : badCsv.problems.map(describeProblem)).toEqual(["row 2: This row has 3 cells, more than the 2 columns the header names."]);
    const badKey = await importFramework(admin, { text: csv, kind: "csv", frameworkKey: "Not a key" });
    expect(badKey.ok).toBe(false);
    const noName = await importFramework(admin, { text: csv, kind: "csv" });
    expect(noName.ok ? [] : noName.problems.map(describeProblem)).toEqual([expect.stringMatching(/Give the framework/)]);
    expect(await counts()).toEqual(before);
  });

  it("is for admins only", async () => {
    const before = await counts();
    await expect(importFramework(engineer, { text: csv, kind: "csv", name: "Data" })).rejects.toBeInstanceOf(NotAllowedError);
    expect(await counts()).toEqual(before);
  });
});

describe("publishing a draft", () => {
  it("makes it the latest published version with its note, and leaves older versions published", async () => {
    const { text } = await exportFrameworkVersion(admin, "engineering");
    const draft = await importFramework(admin, { text, kind: "json" });
    if (!draft.ok) throw new Error("import failed");
    expect(await publishDraft(admin, { versionId: draft.versionId, note: "  Second edition.  " })).toEqual({ ok: true, number: 2 });
    const versions = await handle.db.select().from(frameworkVersions).orderBy(frameworkVersions.number);
    expect(versions.map((v) => [v.number, v.status, v.notes])).toEqual([
      [1, "published", ""],
      [2, "published", "Second edition."],
    ]);
    expect(versions[1]!.publishedAt).toBeInstanceOf(Date);
    expect(versions[1]!.publishedById).toBe(admin.id);
    expect((await exportFrameworkVersion(engineer, "engineering")).file.version!.number).toBe(2);
    await expect(publishDraft(admin, { versionId: draft.versionId, note: "Again." })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a draft that breaks a rule, with the list of problems, and changes nothing", async () => {
    const { text } = await exportFrameworkVersion(admin, "engineering");
    const draft = await importFramework(admin, { text, kind: "json" });
    if (!draft.ok) throw new Error("import failed");
    // A loop back to the first step, as a careless edit could leave it.
    const stepId = async (key: string) =>
      (await handle.db.select({ id: steps.id }).from(steps).where(and(eq(steps.versionId, draft.versionId), eq(steps.key, key))))[0]!.id;
    await handle.db.insert(transitions).values({ versionId: draft.versionId, fromStepId: await stepId("staff-engineer"), toStepId: await stepId("software-engineer") });
    const before = await counts();
    const result = await publishDraft(admin, { versionId: draft.versionId, note: "Loop." });
    // The loop is named once, at a transition in it.
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^transitions\[\d+\]: The path: The path loops back on itself/)]),
    );
    expect(await counts()).toEqual(before);
    const [version] = await handle.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draft.versionId));
    expect(version).toMatchObject({ status: "draft", publishedAt: null });
  });

  it("is for admins only, and a malformed id is not found", async () => {
    const draft = await importFramework(admin, { text: csv, kind: "csv", name: "Data" });
    if (!draft.ok) throw new Error("import failed");
    await expect(publishDraft(engineer, { versionId: draft.versionId, note: "" })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(publishDraft(admin, { versionId: "not-an-id", note: "" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listing frameworks", () => {
  it("shows drafts to admins only", async () => {
    await importFramework(admin, { text: csv, kind: "csv", name: "Data" });
    const { text } = await exportFrameworkVersion(admin, "engineering");
    await importFramework(admin, { text, kind: "json" });
    const forAdmin = await listFrameworks(admin);
    expect(forAdmin.map((f) => [f.key, f.versions.map((v) => `${v.number} ${v.status}`)])).toEqual([
      ["engineering", ["2 draft", "1 published"]],
      ["data", ["1 draft"]],
    ]);
    const forEngineer = await listFrameworks(engineer);
    expect(forEngineer.map((f) => [f.key, f.versions.map((v) => `${v.number} ${v.status}`)])).toEqual([["engineering", ["1 published"]]]);
  });
});
