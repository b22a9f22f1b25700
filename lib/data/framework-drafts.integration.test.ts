import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installDatabase } from "@/db/runtime";
import { auditEvents, cells, frameworkVersions, steps, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { addStep, addTransition, removeTransition, setCell, type Draft } from "@/lib/framework/draft";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { discardDraft, getDraftEditor, openDraft, publishEditedDraft, saveDraft } from "./framework-drafts";
import { exportFrameworkVersion } from "./framework-files";
import { getVersionDiff } from "./framework-versions";
import { loadViewer } from "./viewer";

let handle: TestDatabase;
let admin: Viewer;
let otherAdmin: Viewer;
let engineer: Viewer;

beforeEach(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle, { demo: false });
  installDatabase(handle);
  const people = await handle.db
    .insert(users)
    .values([
      { email: "admin@example.com", name: "Ada Admin", role: "admin" },
      { email: "second@example.com", name: "Sol Second", role: "admin" },
      { email: "engineer@example.com", name: "Eli Engineer", role: "engineer" },
    ])
    .returning({ id: users.id });
  const viewers = await Promise.all(people.map(async (p) => (await loadViewer(p.id))!));
  [admin, otherAdmin, engineer] = [viewers[0]!, viewers[1]!, viewers[2]!];
});
afterEach(async () => {
  await handle.close();
});

const state = async () => ({
  versions: await handle.db.select({ id: frameworkVersions.id, status: frameworkVersions.status, revision: frameworkVersions.revision }).from(frameworkVersions),
  steps: await handle.db.$count(steps),
  cells: await handle.db.$count(cells),
  audit: await handle.db.$count(auditEvents),
});

async function opened() {
  await openDraft(admin, "engineering");
  const editor = await getDraftEditor(admin, "engineering");
  if (!editor.draft) throw new Error("no draft");
  return editor.draft;
}

describe("a framework draft", () => {
  it("opens as a copy of the latest published version, once per framework", async () => {
    const before = await getDraftEditor(admin, "engineering");
    expect(before).toMatchObject({ framework: { key: "engineering" }, latestPublished: 1, draft: null });

    const first = await openDraft(admin, "engineering");
    expect(first).toMatchObject({ number: 2, created: true });
    // A second admin opening it reaches the same draft.
    expect(await openDraft(otherAdmin, "engineering")).toEqual({ ...first, created: false });

    const { draft } = await getDraftEditor(admin, "engineering");
    const published = (await exportFrameworkVersion(admin, "engineering", 1)).file;
    expect(draft?.content).toEqual({ dimensions: published.dimensions, steps: published.steps, transitions: published.transitions, cells: published.cells });
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "framework.draft.open"));
    expect(event).toMatchObject({ actorId: admin.id, entityId: first.versionId, after: { framework: "engineering", number: 2, copiedFrom: 1 } });
  });

  it("saves the whole draft on top of the revision last seen, and refuses a stale save without changing anything", async () => {
    const draft = await opened();
    let content: Draft = addStep(draft.content, "Architect", { after: "staff-engineer", branchLabel: "Deeper technical path" }).draft;
    content = setCell(content, "software-engineer", "ownership", { summary: "  Owns small tasks end to end.  ", expectations: [{ text: "Ships", examples: ["A fix", " "] }] });
    const saved = await saveDraft(admin, { versionId: draft.versionId, revision: draft.revision, content });
    expect(saved.revision).toBe(draft.revision + 1);

    const reread = (await getDraftEditor(admin, "engineering")).draft!;
    expect(reread.revision).toBe(saved.revision);
    expect(reread.content.steps.map((s) => s.key)).toContain("architect");
    expect(reread.content.transitions).toContainEqual({ from: "staff-engineer", to: "architect", label: "Deeper technical path" });
    // Stored trimmed, without blank examples.
    expect(reread.content.cells.find((c) => c.step === "software-engineer" && c.dimension === "ownership")).toMatchObject({
      summary: "Owns small tasks end to end.",
      expectations: [{ text: "Ships", examples: ["A fix"] }],
    });

    // The second admin still holds the first revision: their save is a conflict and changes nothing.
    const before = await state();
    await expect(saveDraft(otherAdmin, { versionId: draft.versionId, revision: draft.revision, content: draft.content })).rejects.toBeInstanceOf(ConflictError);
    expect(await state()).toEqual(before);

    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "framework.draft.save"));
    expect(event).toMatchObject({ actorId: admin.id, after: { framework: "engineering", number: 2, steps: 9, revision: saved.revision } });
  });

  it("stores a draft that breaks the path rules, but never one whose parts point nowhere or clash", async () => {
    const draft = await opened();
    const loop = addTransition(draft.content, { from: "software-engineer-2", to: "software-engineer", label: "" });
    const saved = await saveDraft(admin, { versionId: draft.versionId, revision: draft.revision, content: loop });
    const before = await state();
    const bad: unknown[] = [
      { ...loop, cells: [...loop.cells, { step: "ghost", dimension: "ownership", summary: "Boo", expectations: [] }] },
      { ...loop, steps: [...loop.steps, loop.steps[0]] },
      { ...loop, steps: loop.steps.map((s) => ({ ...s, timeframeMinMonths: 30, timeframeMaxMonths: 3 })) },
      { ...loop, steps: loop.steps.map((s) => ({ ...s, name: "x".repeat(81) })) },
      { ...loop, cells: loop.cells.map((c) => ({ ...c, summary: `<script>${"y".repeat(5000)}</script>` })) },
      { ...loop, dimensions: "all of them" },
      "not a draft",
      null,
    ];
    for (const content of bad) {
      await expect(saveDraft(admin, { versionId: draft.versionId, revision: saved.revision, content })).rejects.toBeInstanceOf(InvalidInputError);
    }
    await expect(saveDraft(admin, { versionId: draft.versionId, revision: 0, content: loop })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(saveDraft(admin, { versionId: "nonsense", revision: saved.revision, content: loop })).rejects.toBeInstanceOf(NotFoundError);
    expect(await state()).toEqual(before);
  });

  it("stores hostile text as it was written, and publishes it as text", async () => {
    const draft = await opened();
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> \u202Eשלום עולם\u202C 🚀👩🏽‍💻 ${"w".repeat(3000)}`;
    let content = setCell(draft.content, "software-engineer", "ownership", { summary: hostile, expectations: [{ text: "**not bold** [link](javascript:alert(3))", examples: ["مرحبا"] }] });
    content = { ...content, steps: content.steps.map((s, i) => (i === 0 ? { ...s, name: "Ingénieur·e 🌱 エンジニア" } : s)) };
    const saved = await saveDraft(admin, { versionId: draft.versionId, revision: draft.revision, content });
    expect(await publishEditedDraft(admin, { versionId: draft.versionId, revision: saved.revision, note: "Hostile text." })).toEqual({ ok: true, number: 2 });
    const { file } = await exportFrameworkVersion(engineer, "engineering", 2);
    expect(file.steps[0]!.name).toBe("Ingénieur·e 🌱 エンジニア");
    expect(file.cells.find((c) => c.step === "software-engineer" && c.dimension === "ownership")).toEqual({
      step: "software-engineer",
      dimension: "ownership",
      summary: hostile,
      expectations: [{ text: "**not bold** [link](javascript:alert(3))", examples: ["مرحبا"] }],
    });
  });

  it("refuses to publish while the draft breaks a rule, with the list of what to fix, then publishes it fixed", async () => {
    const draft = await opened();
    const loop = addTransition(draft.content, { from: "software-engineer-2", to: "software-engineer", label: "" });
    let saved = await saveDraft(admin, { versionId: draft.versionId, revision: draft.revision, content: loop });
    const before = await state();
    const refused = await publishEditedDraft(admin, { versionId: draft.versionId, revision: saved.revision, note: "Loop." });
    // A loop back to the first step also leaves the path without a start.
    expect(refused.ok ? [] : refused.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^The path: The path loops back on itself: “Software Engineer” → “Software Engineer II” → “Software Engineer”/),
      expect.stringMatching(/^The path: Every step has a transition leading into it/),
    ]);
    expect(await state()).toEqual(before);

    saved = await saveDraft(admin, { versionId: draft.versionId, revision: saved.revision, content: removeTransition(loop, "software-engineer-2", "software-engineer") });
    // A publish from a stale editor is a conflict, and so is a publish without a note an input error.
    await expect(publishEditedDraft(admin, { versionId: draft.versionId, revision: draft.revision, note: "Old." })).rejects.toBeInstanceOf(ConflictError);
    await expect(publishEditedDraft(admin, { versionId: draft.versionId, revision: saved.revision, note: "  " })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(publishEditedDraft(admin, { versionId: "nope", revision: saved.revision, note: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await publishEditedDraft(admin, { versionId: draft.versionId, revision: saved.revision, note: "Nothing changed after all." })).toEqual({ ok: true, number: 2 });

    // Published versions never change: the editor has nothing open, and a save to the old draft id is refused.
    expect((await getDraftEditor(admin, "engineering")).draft).toBeNull();
    const after = await state();
    await expect(saveDraft(admin, { versionId: draft.versionId, revision: saved.revision, content: draft.content })).rejects.toBeInstanceOf(ConflictError);
    await expect(discardDraft(admin, { versionId: draft.versionId, revision: saved.revision })).rejects.toBeInstanceOf(ConflictError);
    expect(await state()).toEqual(after);
    const diff = await getVersionDiff(admin, "engineering", 1, 2);
    expect(diff.diff.counts.steps).toEqual({ added: 0, removed: 0, renamed: 0, changed: 0 });
  });

  it("is discarded whole, on top of the revision last seen, leaving the published versions as they were", async () => {
    const published = await exportFrameworkVersion(admin, "engineering", 1);
    const draft = await opened();
    await expect(discardDraft(admin, { versionId: draft.versionId, revision: draft.revision + 5 })).rejects.toBeInstanceOf(ConflictError);
    expect(await discardDraft(admin, { versionId: draft.versionId, revision: draft.revision })).toEqual({ framework: "engineering", number: 2 });
    expect((await getDraftEditor(admin, "engineering")).draft).toBeNull();
    expect((await exportFrameworkVersion(admin, "engineering", 1)).text).toBe(published.text);
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "framework.draft.discard"));
    expect(event).toMatchObject({ actorId: admin.id, entityId: draft.versionId, before: { framework: "engineering", number: 2, status: "draft" } });
    // The next draft is numbered 2 again.
    expect(await openDraft(admin, "engineering")).toMatchObject({ number: 2, created: true });
  });

  it("is for admins only; other people and unknown frameworks are refused and nothing changes", async () => {
    const draft = await opened();
    const before = await state();
    await expect(getDraftEditor(engineer, "engineering")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openDraft(engineer, "engineering")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(saveDraft(engineer, { versionId: draft.versionId, revision: draft.revision, content: draft.content })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(discardDraft(engineer, { versionId: draft.versionId, revision: draft.revision })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(publishEditedDraft(engineer, { versionId: draft.versionId, revision: draft.revision, note: "Mine." })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(getDraftEditor(admin, "no-such-framework")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftEditor(admin, "../../etc")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openDraft(admin, "no-such-framework")).rejects.toBeInstanceOf(NotFoundError);
    expect(await state()).toEqual(before);
  });
});
