import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertFrameworkVersion } from "@/db/framework-store";
import { frameworks, placements } from "@/db/schema";
import { defaultFramework } from "@/db/seed/default-framework";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { frameworkDefinitionSchema } from "@/lib/framework/definition";
import { getWhereNow } from "./career";
import { createEvidence } from "./evidence";
import { getFrameworkFor, getFrameworkVersion, getPublishedFrameworks } from "./frameworks";
import { getPerson } from "./people";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

describe("where a person stands", () => {
  it("is their latest placement for everyone who reads it: home, person page and framework agree", async () => {
    const admin = await as("alex");
    const meiId = await idOf("mei");
    const [framework] = await getPublishedFrameworks();
    const later = framework!.steps[1]!;
    // A later placement supersedes the seeded one; one on the same day, recorded later, too.
    await handle.db.insert(placements).values({ userId: meiId, versionId: framework!.version.id, stepId: later.id, effectiveOn: "2026-11-01", reason: "promotion", decidedById: admin.id });
    const now = await getWhereNow(admin, meiId);
    const person = await getPerson(admin, meiId);
    expect(now?.step.name).toBe(later.name);
    expect(person.placement).toEqual({ step: later.name, effectiveOn: "2026-11-01" });
    expect((await getFrameworkFor(admin, meiId))?.version.id).toBe(framework!.version.id);
  });

  it("falls back to the published framework for someone not placed, whose evidence may then link its cells", async () => {
    const priya = await as("priya");
    expect(await getWhereNow(priya, priya.id)).toBeNull();
    const framework = await getFrameworkFor(priya, priya.id);
    const [published] = await getPublishedFrameworks();
    expect(framework?.version.id).toBe(published!.version.id);
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
    const [published] = await getPublishedFrameworks();
    const engineer = await as("sam");
    await expect(getFrameworkVersion(engineer, published!.version.id)).resolves.toMatchObject({ version: { status: "published" } });
    expect(await rejection(getFrameworkVersion(engineer, draft.versionId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getFrameworkVersion(await as("priya"), draft.versionId))).toBeInstanceOf(NotFoundError);
    await expect(getFrameworkVersion(await as("alex"), draft.versionId)).resolves.toMatchObject({ version: { status: "draft", number: 2 } });
    expect(await rejection(getFrameworkVersion(engineer, "not-an-id"))).toBeInstanceOf(NotFoundError);
  });
});
