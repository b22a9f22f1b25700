import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, growthDirections } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import { getDirection, saveDirection } from "./plan-direction";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let lena: Viewer;

beforeEach(async () => {
  ({ handle, as } = await createDemoDatabase());
  lena = await as("lena");
});
afterEach(async () => {
  await handle.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

const form = (patch: Record<string, string> = {}) => ({
  revision: "0",
  lean: "staff",
  frameworkKey: "",
  reason: "I like the hard problems more than the people ones.",
  "current.techLead": "30",
  "current.architect": "20",
  "current.solver": "40",
  "current.rightHand": "10",
  "wanted.techLead": "30",
  "wanted.architect": "40",
  "wanted.solver": "20",
  "wanted.rightHand": "10",
  ...patch,
});

async function stored() {
  return { directions: await handle.db.select().from(growthDirections).orderBy(asc(growthDirections.id)), audit: await handle.db.$count(auditEvents) };
}

describe("a direction", () => {
  it("shows the organisation's frameworks, the person's own first with the steps past theirs, and is saved and audited", async () => {
    const empty = await getDirection(lena, lena.id);
    expect(empty).toMatchObject({ saved: false, lean: "undecided", revision: 0, canEdit: true, currentMix: null });
    expect(empty.frameworks.map((f) => [f.key, f.own])).toEqual([
      ["engineering", true],
      ["engineering-management", false],
    ]);
    expect(empty.currentStep).not.toBeNull();
    expect(empty.frameworks[0]!.steps.map((s) => s.name)).not.toContain(empty.currentStep);
    expect(empty.frameworks[1]!.steps.length).toBeGreaterThan(0);

    expect(await saveDirection(lena, form())).toEqual({ revision: 1 });
    expect(await getDirection(lena, lena.id)).toMatchObject({
      saved: true,
      lean: "staff",
      frameworkKey: null,
      currentMix: { techLead: 30, architect: 20, solver: 40, rightHand: 10 },
      wantedMix: { techLead: 30, architect: 40, solver: 20, rightHand: 10 },
    });
    await saveDirection(lena, form({ revision: "1", lean: "framework", frameworkKey: "engineering-management", "current.techLead": "", "current.architect": "", "current.solver": "", "current.rightHand": "" }));
    const after = await getDirection(lena, lena.id);
    expect(after).toMatchObject({ revision: 2, lean: "framework", frameworkKey: "engineering-management", currentMix: null });

    const log = await listAuditEvents(await as("alex"), { action: "plan.direction.update" });
    const [changed, wrote] = log.events;
    expect(wrote!.description.changes).toEqual([
      { field: "Leans towards", to: "deeper technical (staff)" },
      { field: "Why", to: "written, 51 characters" },
      { field: "Mix now", to: "Tech Lead 30%, Architect 20%, Solver 40%, Right Hand 10%" },
      { field: "Mix wanted", to: "Tech Lead 30%, Architect 40%, Solver 20%, Right Hand 10%" },
    ]);
    expect(changed!.description.changes).toEqual([
      { field: "Leans towards", from: "deeper technical (staff)", to: "the engineering-management framework" },
      { field: "Mix now", from: "Tech Lead 30%, Architect 20%, Solver 40%, Right Hand 10%", to: "none" },
    ]);
  });

  it("refuses a mix not summing to 100, a share that is not a whole percentage, a long reason, an unknown framework, a stale tab — on the field, changing nothing", async () => {
    await saveDirection(lena, form());
    const before = await stored();
    const cases: [Record<string, string>, string][] = [
      [{ revision: "1", "wanted.solver": "30" }, "wanted"],
      [{ revision: "1", "current.architect": "20.5" }, "current.architect"],
      [{ revision: "1", "current.rightHand": "-10", "current.solver": "60" }, "current.rightHand"],
      [{ revision: "1", reason: "x".repeat(1001) }, "reason"],
      [{ revision: "1", reason: "bell\u0007" }, "reason"],
      [{ revision: "1", lean: "framework", frameworkKey: "no-such" }, "frameworkKey"],
      [{ revision: "1", lean: "boss" }, "lean"],
    ];
    for (const [patch, field] of cases) {
      const err = await rejection(saveDirection(lena, form(patch)));
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((err as InvalidInputError).fieldErrors), field).toEqual([field]);
    }
    const sum = (await rejection(saveDirection(lena, form({ revision: "1", "wanted.solver": "30" })))) as InvalidInputError;
    expect(sum.fieldErrors.wanted).toEqual(["The mix you want adds up to 110%: make the four shares add up to 100."]);
    expect(await rejection(saveDirection(lena, form({ revision: "0" })))).toBeInstanceOf(ConflictError);
    expect(await stored()).toEqual(before);
  });

  it("is read by the manager chain and admins, and by nobody else", async () => {
    await saveDirection(lena, form());
    expect((await getDirection(await as("priya"), lena.id)).canEdit).toBe(false);
    expect((await getDirection(await as("alex"), lena.id)).lean).toBe("staff");
    expect(await rejection(getDirection(await as("mei"), lena.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getDirection(await as("marcus"), lena.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getDirection(lena, "not-an-id"))).toBeInstanceOf(NotFoundError);
  });
});
