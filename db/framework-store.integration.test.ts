import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkDefinitionSchema } from "@/lib/framework/definition";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { insertFrameworkVersion, loadFrameworkVersion } from "./framework-store";
import { cells, frameworks, frameworkVersions, steps } from "./schema";
import { seedDatabase } from "./seed";
import { defaultFramework } from "./seed/default-framework";

/** Reading whole versions: a published version's content is read from the database once per process, a draft's every time. */

let handle: TestDatabase;
let frameworkId: string;
let publishedId: string;

beforeAll(async () => {
  handle = await createTestDatabase({ countStatements: true });
  await seedDatabase(handle, { demo: false });
  const [row] = await handle.db
    .select({ frameworkId: frameworks.id, versionId: frameworkVersions.id })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId));
  ({ frameworkId, versionId: publishedId } = row!);
});
afterAll(async () => {
  await handle.close();
});

/** What `read` returns, and the statements it sent. */
async function counted<T>(read: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = handle.statements!();
  const result = await read();
  return { result, statements: handle.statements!() - before };
}

async function newDraft(number: number): Promise<string> {
  const definition = frameworkDefinitionSchema.parse(defaultFramework);
  return handle.db.transaction(async (tx) => (await insertFrameworkVersion(tx, { frameworkId, number, status: "draft", definition })).versionId);
}

/** Rewrites the summary of a version's first step's first cell, as a draft edit would. */
async function editFirstCell(versionId: string, summary: string) {
  const [step] = await handle.db.select({ id: steps.id }).from(steps).where(and(eq(steps.versionId, versionId), eq(steps.position, 0)));
  const [cell] = await handle.db.select({ id: cells.id }).from(cells).where(eq(cells.stepId, step!.id));
  await handle.db.update(cells).set({ summary }).where(eq(cells.id, cell!.id));
  return cell!.id;
}

describe("loading a framework version", () => {
  it("reads a published version's content once, and its status every time", async () => {
    const first = await counted(() => loadFrameworkVersion(handle.db, publishedId));
    const again = await counted(() => loadFrameworkVersion(handle.db, publishedId));
    expect(again.result).toEqual(first.result);
    expect(again.statements).toBe(1);

    // Retiring changes the status, never the content.
    await handle.db.update(frameworkVersions).set({ status: "retired" }).where(eq(frameworkVersions.id, publishedId));
    const retired = await counted(() => loadFrameworkVersion(handle.db, publishedId));
    expect(retired.result?.version.status).toBe("retired");
    expect(retired.result?.cells).toEqual(first.result?.cells);
    expect(retired.statements).toBe(1);
    await handle.db.update(frameworkVersions).set({ status: "published" }).where(eq(frameworkVersions.id, publishedId));
  });

  it("hands out content nobody can change in place", async () => {
    const view = (await loadFrameworkVersion(handle.db, publishedId))!;
    expect(() => (view.steps as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (view.cells[0] as { summary: string }).summary = "changed";
    }).toThrow(TypeError);
  });

  it("reads a draft afresh every time, and its published content as it was when published", async () => {
    const draftId = await newDraft(2);
    const before = await counted(() => loadFrameworkVersion(handle.db, draftId));
    expect(before.statements).toBe(5);
    const cellId = await editFirstCell(draftId, "Edited in the draft.");
    expect((await loadFrameworkVersion(handle.db, draftId))!.cells.find((c) => c.id === cellId)?.summary).toBe("Edited in the draft.");

    // A publish that is rolled back after reading the version leaves nothing behind for the draft.
    await handle.db
      .transaction(async (tx) => {
        await tx.update(frameworkVersions).set({ status: "published", publishedAt: new Date() }).where(eq(frameworkVersions.id, draftId));
        expect((await loadFrameworkVersion(tx, draftId))!.version.status).toBe("published");
        throw new Error("rolled back");
      })
      .catch(() => {});
    await handle.db.update(cells).set({ summary: "Edited again after the failed publish." }).where(eq(cells.id, cellId));
    await handle.db.update(frameworkVersions).set({ status: "published", publishedAt: new Date(Date.now() + 1000) }).where(eq(frameworkVersions.id, draftId));
    const published = await loadFrameworkVersion(handle.db, draftId);
    expect(published!.cells.find((c) => c.id === cellId)?.summary).toBe("Edited again after the failed publish.");
  });
});
