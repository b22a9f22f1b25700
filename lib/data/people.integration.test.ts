import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, teams, users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import { installCountingDatabase } from "@/test/statement-counter";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "./audit";
import {
  createPasswordLink,
  createPerson,
  createTeam,
  describePasswordToken,
  getPerson,
  REPORTS_SHOWN,
  renameTeam,
  setPasswordWithToken,
  setPersonActive,
  updatePerson,
} from "./people";
import { attemptPasswordSignIn, personStatusByEmail } from "./sign-in";
import { loadViewer } from "./viewer";

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;
let admin: Viewer;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
  admin = await as("alex");
});
afterEach(async () => {
  await handle.close();
});

const person = async (key: string) => {
  const [row] = await handle.db.select().from(users).where(eq(users.id, await idOf(key)));
  return row!;
};
const fieldsOf = (p: Awaited<ReturnType<typeof person>>) => ({ id: p.id, revision: p.revision, name: p.name, role: p.role, managerId: p.managerId, teamId: p.teamId });
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Error);

describe("creating a person", () => {
  const base = { name: "Rosa Diaz", role: "engineer" as const, managerId: null, teamId: null };

  it("creates them with an initial password, and the change is audited", async () => {
    const { id, setPasswordToken } = await createPerson(admin, { ...base, email: "Rosa.Diaz@Example.com", passwordMode: "password", password: "a-long-password" });
    expect(setPasswordToken).toBeNull();
    expect((await getPerson(admin, id)).email).toBe("rosa.diaz@example.com");
    expect(await attemptPasswordSignIn({ email: "rosa.diaz@example.com", password: "a-long-password", address: "10.0.0.1" })).toMatchObject({ ok: true });
    const { events } = await listAuditEvents(admin, { personId: id });
    expect(events.map((e) => [e.action, e.actor?.name])).toEqual([["user.create", "Alex Morgan"]]);
  });

  it("gives a one-time set-password link instead, when asked", async () => {
    const { id, setPasswordToken } = await createPerson(admin, { ...base, email: "rosa@example.com", passwordMode: "link" });
    expect(await describePasswordToken(setPasswordToken!)).toEqual({ name: "Rosa Diaz", email: "rosa@example.com" });
    await setPasswordWithToken({ token: setPasswordToken!, password: "chosen-by-rosa", confirm: "chosen-by-rosa" });
    expect(await attemptPasswordSignIn({ email: "rosa@example.com", password: "chosen-by-rosa", address: "10.0.0.2" })).toMatchObject({ ok: true });
    // Used once, the link is gone.
    expect(await describePasswordToken(setPasswordToken!)).toBeNull();
    expect(await rejection(setPasswordWithToken({ token: setPasswordToken!, password: "another-password", confirm: "another-password" }))).toBeInstanceOf(NotFoundError);
    // A new link replaces any earlier one.
    const first = await createPasswordLink(admin, id);
    const second = await createPasswordLink(admin, id);
    expect(await describePasswordToken(first)).toBeNull();
    expect(await describePasswordToken(second)).not.toBeNull();
  });

  it("refuses a taken email, a short password, and a manager or team that does not exist", async () => {
    const taken = await rejection(createPerson(admin, { ...base, email: "SAM.okafor@example.com", passwordMode: "link" }));
    expect(taken).toBeInstanceOf(InvalidInputError);
    expect((taken as InvalidInputError).fieldErrors.email).toEqual(["Someone already has this email."]);

    const ghostManager = await rejection(createPerson(admin, { ...base, email: "a@example.com", managerId: randomUUID(), passwordMode: "link" }));
    expect((ghostManager as InvalidInputError).fieldErrors.managerId).toEqual(["That manager does not exist or is deactivated."]);

    const engineerManager = await rejection(createPerson(admin, { ...base, email: "b@example.com", managerId: await idOf("sam"), passwordMode: "link" }));
    expect((engineerManager as InvalidInputError).fieldErrors.managerId).toEqual(["The manager must be a manager or an admin."]);

    const ghostTeam = await rejection(createPerson(admin, { ...base, email: "c@example.com", teamId: randomUUID(), passwordMode: "link" }));
    expect((ghostTeam as InvalidInputError).fieldErrors.teamId).toEqual(["That team does not exist."]);

    const weak = await rejection(createPerson(admin, { ...base, email: "d@example.com", passwordMode: "password", password: "short" }));
    expect(weak).toBeTruthy();

    // Nothing was created by any of the refused attempts.
    expect(await handle.db.$count(users)).toBe(13);
  });
});

describe("reading a person", () => {
  it("reads the person, their first reports and their placement in one statement, a manager one more to ask the tree", async () => {
    const priyaId = await idOf("priya");
    await handle.db.insert(users).values(
      Array.from({ length: REPORTS_SHOWN + 5 }, (_, i) => ({ email: `report.${i}@example.com`, name: `Report ${String(i).padStart(2, "0")}`, managerId: priyaId })),
    );
    const sam = await idOf("sam");
    const counter = installCountingDatabase(handle);
    const read = await counter.count(() => getPerson(admin, priyaId));
    expect(read.statements).toBe(1);
    expect(read.result.reports).toHaveLength(REPORTS_SHOWN);
    // The demo's four reports of Priya's, and the thirty added.
    expect(read.result.reportCount).toBe(REPORTS_SHOWN + 5 + 4);
    expect(read.result.reports.map((r) => r.name)).toEqual([...read.result.reports.map((r) => r.name)].sort());

    const manager = await as("priya");
    const asManager = await counter.count(() => getPerson(manager, sam));
    expect(asManager.statements).toBe(2);
    expect(asManager.result).toMatchObject({ id: sam, reports: [], reportCount: 0 });
    expect(asManager.result.placement).toMatchObject({ step: expect.any(String), effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe("changing a person", () => {
  it("moves a person to another manager and team, and records before and after", async () => {
    const sam = await person("sam");
    const [product] = await handle.db.select().from(teams).where(eq(teams.name, "Product"));
    await updatePerson(admin, { ...fieldsOf(sam), managerId: await idOf("marcus"), teamId: product!.id });
    const after = await getPerson(admin, sam.id);
    expect(after.manager?.name).toBe("Marcus Bell");
    expect(after.team?.name).toBe("Product");
    // Marcus now sees Sam; Priya no longer does.
    await expect(getPerson(await as("marcus"), sam.id)).resolves.toMatchObject({ id: sam.id });
    await expect(getPerson(await as("priya"), sam.id)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = (await listAuditEvents(admin, { personId: sam.id })).events;
    expect(event).toMatchObject({ action: "user.update", before: { managerId: await idOf("priya") }, after: { managerId: await idOf("marcus") } });
  });

  it("refuses a reporting line that would form a loop", async () => {
    const alex = await person("alex");
    const error = await rejection(updatePerson(admin, { ...fieldsOf(alex), managerId: await idOf("priya") }));
    expect((error as InvalidInputError).fieldErrors.managerId).toEqual(["That would make a loop: the chosen manager already reports to this person."]);
    const self = await rejection(updatePerson(admin, { ...fieldsOf(alex), managerId: alex.id }));
    expect((self as InvalidInputError).fieldErrors.managerId).toEqual(["A person cannot be their own manager."]);
    expect((await person("alex")).managerId).toBeNull();
  });

  it("refuses to demote the last active admin, and allows it once there is another", async () => {
    const alex = await person("alex");
    expect(await rejection(updatePerson(admin, { ...fieldsOf(alex), role: "manager" }))).toBeInstanceOf(NotAllowedError);
    const priya = await person("priya");
    await updatePerson(admin, { ...fieldsOf(priya), role: "admin" });
    await updatePerson(admin, { ...fieldsOf(await person("alex")), role: "manager" });
    expect((await person("alex")).role).toBe("manager");
    // Nobody deactivates themselves, admin or not.
    const asPriya = await as("priya");
    expect(await rejection(setPersonActive(asPriya, { id: asPriya.id, active: false, revision: (await person("priya")).revision }))).toBeInstanceOf(
      NotAllowedError,
    );
    expect((await person("priya")).active).toBe(true);
  });

  it("refuses to deactivate someone with active reports, and to reactivate someone whose manager has gone", async () => {
    const priya = await person("priya");
    const error = await rejection(setPersonActive(admin, { id: priya.id, active: false, revision: priya.revision }));
    expect((error as InvalidInputError).fieldErrors.role).toEqual(["Priya Raman still has 4 reports; give them another manager first."]);
    const lena = await person("lena");
    await setPersonActive(admin, { id: lena.id, active: false, revision: lena.revision });
    // Lena's manager Priya becomes an engineer once her other reports have moved.
    for (const key of ["diego", "sam", "mei"]) {
      await updatePerson(admin, { ...fieldsOf(await person(key)), managerId: await idOf("marcus") });
    }
    await updatePerson(admin, { ...fieldsOf(await person("priya")), role: "engineer" });
    const reactivate = await rejection(setPersonActive(admin, { id: lena.id, active: true, revision: lena.revision + 1 }));
    expect(reactivate?.message).toBe("Their manager is no longer an active manager: choose another manager first, then reactivate.");
    expect((await person("lena")).active).toBe(false);
  });

  it("cancels open set-password links when a person is deactivated", async () => {
    const tom = await person("tom");
    const token = await createPasswordLink(admin, tom.id);
    await setPersonActive(admin, { id: tom.id, active: false, revision: tom.revision });
    expect(await describePasswordToken(token)).toBeNull();
  });

  it("refuses to make an engineer of someone who still has reports", async () => {
    const priya = await person("priya");
    const error = await rejection(updatePerson(admin, { ...fieldsOf(priya), role: "engineer" }));
    expect((error as InvalidInputError).fieldErrors.role).toEqual(["Priya Raman still has 4 reports; give them another manager first."]);
  });

  it("refuses an edit made on a stale copy and keeps the newer one", async () => {
    const sam = await person("sam");
    await updatePerson(admin, { ...fieldsOf(sam), name: "Samuel Okafor" });
    expect(await rejection(updatePerson(admin, { ...fieldsOf(sam), name: "Sam O." }))).toBeInstanceOf(ConflictError);
    expect((await person("sam")).name).toBe("Samuel Okafor");
  });

  it("answers forged and malformed ids with not found", async () => {
    const sam = await person("sam");
    expect(await rejection(updatePerson(admin, { ...fieldsOf(sam), id: randomUUID() }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getPerson(admin, "not-an-id"))).toBeInstanceOf(NotFoundError);
    expect(await rejection(setPersonActive(admin, { id: randomUUID(), active: false, revision: 1 }))).toBeInstanceOf(NotFoundError);
  });
});

describe("deactivating a person", () => {
  it("refuses their next request and their next sign-in; reactivating lets them back", async () => {
    const mei = await person("mei");
    expect(await loadViewer(mei.id)).not.toBeNull();
    await setPersonActive(admin, { id: mei.id, active: false, revision: mei.revision });
    expect(await loadViewer(mei.id)).toBeNull();
    expect(await attemptPasswordSignIn({ email: mei.email, password: "mei-waymark", address: "10.0.0.3" })).toEqual({ ok: false, reason: "deactivated" });
    expect(await personStatusByEmail(mei.email.toUpperCase())).toBe("deactivated");
    await setPersonActive(admin, { id: mei.id, active: true, revision: mei.revision + 1 });
    expect(await loadViewer(mei.id)).not.toBeNull();
    expect(await personStatusByEmail(` ${mei.email} `)).toBe("active");
    expect(await personStatusByEmail("nobody@example.com")).toBe("unknown");
    expect(await personStatusByEmail(null)).toBe("unknown");
    const actions = (await listAuditEvents(admin, { personId: mei.id, entityType: "user" })).events.map((e) => e.action);
    expect(actions).toEqual(["user.reactivate", "user.deactivate", "user.seed"]);
  });
});

describe("teams", () => {
  it("creates and renames teams, refusing a name in use whatever its case", async () => {
    const { id } = await createTeam(admin, { name: "Data" });
    expect(await rejection(createTeam(admin, { name: "platform" }))).toBeInstanceOf(InvalidInputError);
    await renameTeam(admin, { id, name: "Data Platform", revision: 1 });
    expect(await rejection(renameTeam(admin, { id, name: "Product", revision: 2 }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(renameTeam(admin, { id, name: "Other", revision: 1 }))).toBeInstanceOf(ConflictError);
    expect(await rejection(renameTeam(admin, { id: randomUUID(), name: "Other", revision: 1 }))).toBeInstanceOf(NotFoundError);
    const [team] = await handle.db.select().from(teams).where(eq(teams.id, id));
    expect(team!.name).toBe("Data Platform");
  });
});

describe("signing in", () => {
  const address = "192.0.2.10";

  it("gives the same answer for an unknown email and a wrong password", async () => {
    expect(await attemptPasswordSignIn({ email: "nobody@example.com", password: "whatever-it-is", address })).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "wrong-password", address })).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptPasswordSignIn({ email: "SAM.OKAFOR@example.com", password: "sam-waymark", address })).toMatchObject({ ok: true });
  });

  it("stops an address after five failures on one account, even with the right password, and leaves the owner's own address alone", async () => {
    const stranger = "198.51.100.7";
    for (let i = 0; i < 5; i++) await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: `guess-${i}-xxxx`, address: stranger });
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "sam-waymark", address: stranger })).toEqual({ ok: false, reason: "rate-limited" });
    // The owner, elsewhere, is not kept out by a stranger's guesses.
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "sam-waymark", address: "203.0.113.50" })).toMatchObject({ ok: true });
    // Nor is another account from the stranger's address.
    expect(await attemptPasswordSignIn({ email: "lena.fischer@example.com", password: "lena-waymark", address: stranger })).toMatchObject({ ok: true });
  });

  it("caps guessing from many addresses at once, but lets the owner in from an address they used before", async () => {
    const known = "203.0.113.9";
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "sam-waymark", address: known })).toMatchObject({ ok: true });
    for (let i = 0; i < 50; i++) {
      await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: `guess-${i}-xxxx`, address: `198.51.100.${i}` });
    }
    // Every address so far is under its own limit; the account's ceiling is reached.
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "sam-waymark", address: "198.51.100.200" })).toEqual({
      ok: false,
      reason: "rate-limited",
    });
    expect(await attemptPasswordSignIn({ email: "sam.okafor@example.com", password: "sam-waymark", address: known })).toMatchObject({ ok: true });
  });

  it("stops an address that fails across many accounts", async () => {
    for (let i = 0; i < 30; i++) await attemptPasswordSignIn({ email: `spray${i}@example.com`, password: "password-123", address });
    expect(await attemptPasswordSignIn({ email: "lena.fischer@example.com", password: "lena-waymark", address })).toEqual({ ok: false, reason: "rate-limited" });
    expect(await attemptPasswordSignIn({ email: "lena.fischer@example.com", password: "lena-waymark", address: "203.0.113.7" })).toMatchObject({ ok: true });
  });

  it("keeps no audit event for a sign-in, and no password in any audit event", async () => {
    await createPerson(admin, { email: "p@example.com", name: "P", role: "engineer", managerId: null, teamId: null, passwordMode: "password", password: "secret-password-1" });
    const all = await handle.db.select().from(auditEvents);
    expect(JSON.stringify(all)).not.toContain("secret-password-1");
  });
});

describe("the audit log", () => {
  it("filters by kind of entity and by date, and pages by 50", async () => {
    for (let i = 0; i < 55; i++) await createTeam(admin, { name: `Guild ${i}` });
    const teamsOnly = await listAuditEvents(admin, { entityType: "team" });
    expect(teamsOnly.total).toBe(57); // two seeded teams and 55 new ones
    expect(teamsOnly.events).toHaveLength(50);
    expect(teamsOnly.events[0]!.entityName).toBe("Guild 54");
    const second = await listAuditEvents(admin, { entityType: "team", page: 2 });
    expect(second).toMatchObject({ page: 2, pages: 2 });
    expect(second.events).toHaveLength(7);
    // A page past the end shows the last page.
    expect((await listAuditEvents(admin, { entityType: "team", page: 99 })).page).toBe(2);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(admin, { from: today, to: today })).total).toBeGreaterThanOrEqual(57);
    expect((await listAuditEvents(admin, { to: "2000-01-01" })).total).toBe(0);
  });

  it("is for admins only", async () => {
    expect(await rejection(listAuditEvents(await as("priya"), {}))).toBeInstanceOf(NotAllowedError);
  });
});

describe("signing in, many attempts at once", () => {
  it("lets no more than the limit through to the password check", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attemptPasswordSignIn({ email: "lena.fischer@example.com", password: `wrong-${i}-password`, address: "203.0.113.1" })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited").length).toBeGreaterThanOrEqual(15);
  });
});
