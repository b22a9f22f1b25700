import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertFrameworkVersion } from "@/db/framework-store";
import { frameworks, placements, steps } from "@/db/schema";
import { defaultFramework } from "@/db/seed/default-framework";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { installCountingDatabase } from "@/test/statement-counter";
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { frameworkDefinitionSchema } from "@/lib/framework/definition";
import { getWhereNow } from "./career";
import { createEvidence } from "./evidence";
import { importFramework, publishDraft } from "./framework-files";
import { getFrameworkFor, getFrameworkVersion, getPathView, type PathView } from "./frameworks";
import { getPerson } from "./people";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
});

/** The framework the path page shows by default to someone not placed: the first published one. */
async function firstPublished() {
  const view = await getPathView(await as("alex"));
  if (view.kind !== "shown") throw new Error(`no framework shown: ${view.kind}`);
  return view.framework;
}

const shown = (view: PathView) => (view.kind === "shown" ? view.framework.framework.key : view.kind);
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

describe("where a person stands", () => {
  it("is their latest placement for everyone who reads it: home, person page and framework agree", async () => {
    const admin = await as("alex");
    const meiId = await idOf("mei");
    const framework = await firstPublished();
    const later = framework.steps[1]!;
    // A later placement supersedes the seeded one; one on the same day, recorded later, too.
    await handle.db.insert(placements).values({ userId: meiId, versionId: framework.version.id, stepId: later.id, effectiveOn: "2026-11-01", reason: "promotion", decidedById: admin.id });
    const now = await getWhereNow(admin, meiId);
    const person = await getPerson(admin, meiId);
    expect(now?.step.name).toBe(later.name);
    expect(person.placement).toEqual({ step: later.name, effectiveOn: "2026-11-01" });
    expect((await getFrameworkFor(admin, meiId))?.version.id).toBe(framework.version.id);
  });

  it("falls back to the published framework for someone not placed, whose evidence may then link its cells", async () => {
    const priya = await as("priya");
    expect(await getWhereNow(priya, priya.id)).toBeNull();
    const framework = await getFrameworkFor(priya, priya.id);
    const published = await firstPublished();
    expect(framework?.version.id).toBe(published.version.id);
    const cellId = framework!.cells[0]!.id;
    await expect(createEvidence(priya, { title: "Ran the incident review", kind: "incident-review", occurredOn: "2026-10-01", link: "", body: "", cellIds: [cellId] })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("is read only by those who may read the person", async () => {
    expect(await rejection(getFrameworkFor(await as("ines"), await idOf("mei")))).toBeInstanceOf(NotFoundError);
  });
});

describe("reading a framework version", () => {
  it("shows published versions to everyone and drafts to admins only", async () => {
    const [framework] = await handle.db.select({ id: frameworks.id }).from(frameworks);
    const draft = await handle.db.transaction((tx) =>
      insertFrameworkVersion(tx, { frameworkId: framework!.id, number: 2, status: "draft", definition: frameworkDefinitionSchema.parse(defaultFramework) }),
    );
    const published = await firstPublished();
    const engineer = await as("sam");
    await expect(getFrameworkVersion(engineer, published.version.id)).resolves.toMatchObject({ version: { status: "published" } });
    expect(await rejection(getFrameworkVersion(engineer, draft.versionId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getFrameworkVersion(await as("priya"), draft.versionId))).toBeInstanceOf(NotFoundError);
    await expect(getFrameworkVersion(await as("alex"), draft.versionId)).resolves.toMatchObject({ version: { status: "draft", number: 2 } });
    expect(await rejection(getFrameworkVersion(engineer, "not-an-id"))).toBeInstanceOf(NotFoundError);
  });
});

describe("the career path page's framework", () => {
  it("is the viewer's own framework, with every published framework listed by name", async () => {
    const sam = await as("sam");
    const view = await getPathView(sam);
    expect(shown(view)).toBe("engineering");
    expect(view).toMatchObject({
      frameworks: [
        { key: "engineering", name: "Engineering career path" },
        { key: "engineering-management", name: "Engineering management" },
      ],
      own: { frameworkKey: "engineering", frameworkName: "Engineering career path" },
    });
    const own = view.kind === "shown" ? view.own : null;
    expect(view.kind === "shown" && own?.versionId === view.framework.version.id).toBe(true);
  });

  it("is another framework when asked for by key, still saying where the viewer is placed", async () => {
    const view = await getPathView(await as("sam"), { frameworkKey: "engineering-management" });
    expect(shown(view)).toBe("engineering-management");
    if (view.kind !== "shown") throw new Error("not shown");
    expect(view.framework.dimensions).toHaveLength(16);
    expect(view.own?.frameworkKey).toBe("engineering");
    expect(view.framework.version.id).not.toBe(view.own?.versionId);
  });

  it("is the first published framework for someone not placed, who has no own framework", async () => {
    const view = await getPathView(await as("priya"));
    expect(shown(view)).toBe("engineering");
    expect(view).toMatchObject({ own: null });
  });

  it("is the framework of the latest placement, for someone placed on the second framework", async () => {
    const admin = await as("alex");
    const [teamLead] = await handle.db.select({ id: steps.id, versionId: steps.versionId }).from(steps).where(eq(steps.key, "team-lead"));
    await handle.db.insert(placements).values({ userId: admin.id, versionId: teamLead!.versionId, stepId: teamLead!.id, effectiveOn: "2026-11-01", reason: "initial", decidedById: admin.id });
    const view = await getPathView(admin);
    expect(shown(view)).toBe("engineering-management");
    expect(view).toMatchObject({ own: { frameworkKey: "engineering-management", stepId: teamLead!.id, versionId: teamLead!.versionId } });
  });

  it("answers an unknown key as unknown, with the list to choose from, whatever the key holds", async () => {
    const sam = await as("sam");
    for (const key of ["nope", "ENGINEERING", "<script>alert(1)</script>", "'; drop table frameworks; --", "x".repeat(100)]) {
      const view = await getPathView(sam, { frameworkKey: key });
      expect(view).toMatchObject({ kind: "unknown", key, own: { frameworkKey: "engineering" } });
      expect(view.kind === "unknown" && view.frameworks).toHaveLength(2);
    }
  });

  it("costs the same statements however many frameworks are published", async () => {
    const sam = await as("sam");
    const counter = installCountingDatabase(handle);
    // A published version's content is read once per process; read it before counting, so both
    // counts are of a page served after the first.
    await getPathView(sam, { frameworkKey: "engineering-management" });
    const before = await counter.count(() => getPathView(sam, { frameworkKey: "engineering-management" }));
    for (const n of [1, 2, 3]) {
      const [other] = await handle.db.insert(frameworks).values({ key: `more-${n}`, name: `More ${n}` }).returning({ id: frameworks.id });
      await handle.db.transaction((tx) =>
        insertFrameworkVersion(tx, { frameworkId: other!.id, number: 1, status: "published", definition: { ...frameworkDefinitionSchema.parse(defaultFramework), key: `more-${n}` } }),
      );
    }
    const after = await counter.count(() => getPathView(sam, { frameworkKey: "engineering-management" }));
    expect(after.result.kind === "shown" && after.result.frameworks).toHaveLength(5);
    expect(after.statements).toBe(before.statements);
    // The list of frameworks, the viewer's placement, and the shown version's head; its content is in memory.
    expect(after.statements).toBe(3);
  });
});

describe("hostile text in a framework", () => {
  it("is stored as written and read back unchanged on the path page", async () => {
    const admin = await as("alex");
    const hostile = {
      html: '<img src=x onerror="alert(1)"><script>alert(1)</script>',
      word: "w".repeat(600),
      rtl: "\u202Etxet lufelihw\u202C مرحبا بالعالم — שלום",
      emoji: "🧭 Path 🌱 👩🏽‍💻",
    };
    const file = {
      formatVersion: 1,
      framework: { key: "hostile", name: `${hostile.emoji} <b>Hostile</b>`, description: hostile.rtl },
      dimensions: [
        { key: "one", name: "<script>x</script>", group: hostile.emoji },
        { key: "two", name: "改善 مرحبا", group: "<i>Pillar</i>" },
      ],
      steps: [
        { key: "a", name: hostile.rtl.slice(0, 80), summary: hostile.html },
        { key: "b", name: "b".repeat(80), summary: hostile.word },
      ],
      transitions: [{ from: "a", to: "b", label: hostile.html }],
      cells: [
        { step: "a", dimension: "one", summary: hostile.word, expectations: [{ text: hostile.html, examples: [hostile.rtl, hostile.emoji] }] },
        { step: "b", dimension: "two", summary: hostile.rtl },
      ],
    };
    const imported = await importFramework(admin, { text: JSON.stringify(file), kind: "json" });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(await publishDraft(admin, { versionId: imported.versionId, note: "" })).toMatchObject({ ok: true });

    const view = await getPathView(await as("sam"), { frameworkKey: "hostile" });
    if (view.kind !== "shown") throw new Error(view.kind);
    const { framework } = view;
    expect(framework.framework.name).toBe(file.framework.name);
    expect(framework.dimensions.map((d) => [d.name, d.group])).toEqual(file.dimensions.map((d) => [d.name, d.group]));
    expect(framework.steps.map((s) => [s.name, s.summary])).toEqual(file.steps.map((s) => [s.name, s.summary]));
    expect(framework.transitions[0]!.label).toBe(hostile.html);
    const cellOf = (step: string, dimension: string) =>
      framework.cells.find((c) => c.stepId === framework.steps.find((s) => s.key === step)!.id && c.dimensionId === framework.dimensions.find((d) => d.key === dimension)!.id);
    expect(cellOf("a", "one")).toMatchObject({ summary: hostile.word, expectations: [{ text: hostile.html, examples: [hostile.rtl, hostile.emoji] }] });
    expect(cellOf("b", "two")?.summary).toBe(hostile.rtl);
    expect(view.frameworks.map((f) => f.name)).toContain(file.framework.name);
  });

  it("over a field's limit is refused on import, naming where, and nothing is stored", async () => {
    const admin = await as("alex");
    const file = {
      formatVersion: 1,
      framework: { key: "too-long", name: "Too long" },
      dimensions: [{ key: "one", name: "One" }],
      steps: [{ key: "a", name: "A" }],
      transitions: [],
      cells: [{ step: "a", dimension: "one", summary: "w".repeat(10_000) }],
    };
    const result = await importFramework(admin, { text: JSON.stringify(file), kind: "json" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.at)).toContain("cells[0].summary");
    expect(await getPathView(await as("sam"), { frameworkKey: "too-long" })).toMatchObject({ kind: "unknown" });
  });
});
