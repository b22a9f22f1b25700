import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { AuditDescription } from "@/lib/audit/describe";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { NotAllowedError } from "@/lib/errors";
import { growAuditLog } from "@/test/audit-scale";
import type { TestDatabase } from "@/test/database";
import { createDemoDatabase } from "@/test/people";
import { installCountingDatabase } from "@/test/statement-counter";
import { AUDIT_PAGE_SIZE, COUNT_LIMIT, listAuditEvents, PERSON_MATCHES, type AuditFilter, type AuditPage } from "./audit";
import { createEvidence, deleteEvidence } from "./evidence";
import { createTeam, renameTeam, updatePerson } from "./people";

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

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
/** The phrase as text, with [brackets] around each linked name. */
const phrase = (d: AuditDescription) => d.phrase.map((p) => (typeof p === "string" ? p : p.href ? `[${p.text}]` : p.text)).join("");
const newestFirst = (page: AuditPage) => page.events.every((e, i, all) => i === 0 || all[i - 1]!.at > e.at || (+all[i - 1]!.at === +e.at && all[i - 1]!.id > e.id));

describe("the audit log's pages", () => {
  it("pages newest first, 50 at a time, each event once, and moves a page out of range to the nearest", async () => {
    await growAuditLog(handle.db, { people: 20, events: 120 });
    const first = await listAuditEvents(admin, {});
    expect(first.exact).toBe(true);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.pages).toBe(Math.ceil(first.total / AUDIT_PAGE_SIZE));
    expect(first.pages).toBeGreaterThanOrEqual(3);
    expect(newestFirst(first)).toBe(true);

    const all: number[] = [];
    for (let page = 1; page <= first.pages; page++) all.push(...(await listAuditEvents(admin, { page })).events.map((e) => e.id));
    expect(new Set(all).size).toBe(first.total);
    expect(all).toHaveLength(first.total);

    const last = await listAuditEvents(admin, { page: first.pages });
    expect(last.events).toHaveLength(first.total - (first.pages - 1) * AUDIT_PAGE_SIZE);
    for (const page of [first.pages + 1, 1_000_000_000, 1e23]) expect((await listAuditEvents(admin, { page })).page).toBe(first.pages);
    for (const page of [0, -1, -1e9, 2.5, Number.NaN, Infinity]) expect((await listAuditEvents(admin, { page })).page, String(page)).toBe(1);

    const oldest = await listAuditEvents(admin, { sort: "oldest", page: 2 });
    expect(oldest.events.map((e) => e.id)).toEqual(all.toReversed().slice(AUDIT_PAGE_SIZE, 2 * AUDIT_PAGE_SIZE));
  });

  it("stops counting past 10,000, and still finds the last page when asked for one beyond", async () => {
    await growAuditLog(handle.db, { people: 50, events: COUNT_LIMIT + 500 });
    const first = await listAuditEvents(admin, {});
    expect(first).toMatchObject({ total: COUNT_LIMIT + 1, exact: false, page: 1, pages: Math.ceil((COUNT_LIMIT + 1) / AUDIT_PAGE_SIZE) });
    const far = await listAuditEvents(admin, { page: 1_000_000 });
    expect(far.exact).toBe(true);
    expect(far.total).toBeGreaterThan(COUNT_LIMIT + 500);
    expect(far.page).toBe(far.pages);
    expect(far.events).toHaveLength(far.total - (far.pages - 1) * AUDIT_PAGE_SIZE);
  });
});

describe("the audit log in words", () => {
  it("names who did what to whom, with what changed, and links what still exists", async () => {
    const sam = await idOf("sam");
    const [before] = await handle.db.select().from(users).where(eq(users.id, sam));
    await updatePerson(admin, { id: sam, revision: before!.revision, name: before!.name, role: "manager", managerId: await idOf("marcus"), teamId: before!.teamId });
    const team = await createTeam(admin, { name: "Guild" });
    await renameTeam(admin, { id: team.id, name: "Data Guild", revision: 1 });
    const samViewer = await as("sam");
    const kept = await createEvidence(samViewer, { title: "Retry design", kind: "design-doc", occurredOn: "2026-03-02", link: "", body: "x", cellIds: [] });
    const gone = await createEvidence(samViewer, { title: "Old talk", kind: "talk", occurredOn: "2026-03-01", link: "", body: "", cellIds: [] });
    await deleteEvidence(samViewer, { id: gone.id, revision: 1 });

    const { events } = await listAuditEvents(admin, {});
    const said = events.slice(0, 6).map((e) => `${e.actor?.name ?? "Waymark"} ${phrase(e.description)}`);
    expect(said).toEqual([
      "Sam Okafor deleted the evidence “Old talk”",
      "Sam Okafor added the evidence “Old talk”",
      "Sam Okafor added the evidence [“Retry design”]",
      "Alex Morgan renamed the team [Data Guild]",
      "Alex Morgan created the team [Guild]",
      "Alex Morgan changed [Sam Okafor]’s role and manager",
    ]);
    const edit = events[5]!;
    expect(edit.description.changes).toEqual([
      { field: "Role", from: "Engineer", to: "Manager" },
      { field: "Manager", from: "Priya Raman", to: "Marcus Bell" },
    ]);
    expect(edit.description.phrase[1]).toEqual({ text: "Sam Okafor", href: `/people/${sam}` });
    expect(events[2]!.description.phrase[1]).toEqual({ text: "“Retry design”", href: `/evidence/${kept.id}` });
    expect(events[3]!.description.changes).toEqual([{ field: "Name", from: "Guild", to: "Data Guild" }]);
    // The seed's events read as well as the app's.
    const all = await listAuditEvents(admin, { sort: "oldest" });
    expect(all.events.every((e) => e.description.details.length === 0)).toBe(true);
    expect(phrase(all.events[0]!.description)).toMatch(/^created the review cycle \[.+\] with the demo organisation$/);
  });
});

describe("narrowing the audit log", () => {
  it("to one person: what they did and what was done to them, by id or by a search of names and emails", async () => {
    const sam = await idOf("sam");
    await createEvidence(await as("sam"), { title: "Retry design", kind: "design-doc", occurredOn: "2026-03-02", link: "", body: "", cellIds: [] });
    const byId = await listAuditEvents(admin, { personId: sam });
    expect(byId.person).toMatchObject({ id: sam, name: "Sam Okafor", email: "sam.okafor@example.com", active: true });
    expect(byId.events.length).toBeGreaterThan(2);
    expect(byId.events.every((e) => e.actor?.id === sam || e.subject?.id === sam)).toBe(true);
    expect(byId.events.some((e) => e.actor?.id === sam)).toBe(true);
    expect(byId.events.some((e) => e.action === "user.seed")).toBe(true);
    // Everything about Sam: his evidence, his assessments, his promotion case too.
    expect(new Set(byId.events.map((e) => e.entityType))).toEqual(new Set(["user", "evidence", "assessment", "promotion_case"]));

    const searched = await listAuditEvents(admin, { q: "OKAFOR" });
    expect(searched.matches).toEqual([{ id: sam, name: "Sam Okafor", email: "sam.okafor@example.com", active: true }]);
    expect(searched.events.map((e) => e.id)).toEqual(byId.events.map((e) => e.id));
    expect(searched.person).toBeNull();

    const everyone = await listAuditEvents(admin, { q: "@example.com" });
    expect(everyone.matches).toHaveLength(PERSON_MATCHES);
    expect(everyone.moreMatches).toBe(true);

    // Wildcards are searched for as themselves.
    for (const q of ["%", "_", "\\", "%_%"]) {
      const none = await listAuditEvents(admin, { q });
      expect(none.matches, q).toEqual([]);
      expect(none.total, q).toBe(0);
    }
    const nobody = await listAuditEvents(admin, { personId: randomUUID() });
    expect(nobody).toMatchObject({ person: null, total: 0, events: [] });
  });

  it("by action, kind of record and dates, and never wider than the whole log", async () => {
    await createTeam(admin, { name: "Guild" });
    const whole = await listAuditEvents(admin, {});
    const ids = new Set(whole.events.map((e) => e.id));
    const today = isoDate(new Date());
    const views: [AuditFilter, (e: AuditPage["events"][number]) => boolean][] = [
      [{ action: "team.create" }, (e) => e.action === "team.create"],
      [{ entityType: "team" }, (e) => e.entityType === "team"],
      [{ from: today, to: today }, (e) => isoDate(e.at) === today],
      [{ personId: await idOf("sam"), action: "case.seed" }, (e) => e.action === "case.seed" && e.subject?.name === "Sam Okafor"],
      [{ q: "okafor", entityType: "promotion_case", sort: "oldest" }, (e) => e.entityType === "promotion_case"],
    ];
    for (const [filter, holds] of views) {
      const { events, total } = await listAuditEvents(admin, filter);
      expect(total, JSON.stringify(filter)).toBeLessThanOrEqual(whole.total);
      expect(events.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(events.every((e) => ids.has(e.id) && holds(e)), JSON.stringify(filter)).toBe(true);
    }
    expect((await listAuditEvents(admin, { action: "team.create" })).events.map((e) => e.entityName)).toEqual(["Guild"]);
    expect((await listAuditEvents(admin, { to: "2000-01-01" })).total).toBe(0);
    expect((await listAuditEvents(admin, { from: "2200-12-31" })).total).toBe(0);
  });

  it("is for admins only, whatever the filter", async () => {
    for (const who of ["priya", "sam"]) {
      const viewer = await as(who);
      for (const filter of [{}, { personId: viewer.id }, { q: viewer.name }, { action: "user.update" }]) {
        expect(await rejection(listAuditEvents(viewer, filter))).toBeInstanceOf(NotAllowedError);
      }
    }
  });

  it("answers malformed filters with the nearest sensible view", async () => {
    const whole = await listAuditEvents(admin, {});
    const odd = await listAuditEvents(admin, {
      personId: "not-a-uuid",
      q: "x".repeat(10_000),
      action: "drop table users",
      entityType: "widget",
      from: "2026-02-30",
      to: "0000-00-00",
      sort: "sideways",
      page: -5,
    } as never);
    expect(odd).toMatchObject({ total: whole.total, page: 1, sort: "newest", person: null, matches: null });
    expect((await listAuditEvents(admin, { q: "sa\u0000m" })).matches?.map((p) => p.name)).toEqual(["Sam Okafor"]);
    expect((await listAuditEvents(admin, { personId: ["x"], page: "3" } as never)).page).toBe(1);
  });
});

describe("the audit log at scale", () => {
  it("reads a page in the same number of statements with a small log and a large one", async () => {
    const counter = installCountingDatabase(handle);
    const today = isoDate(new Date());
    const views: [string, AuditFilter][] = [
      ["the newest", {}],
      ["page 2", { page: 2 }],
      ["past the last page", { page: 1_000_000_000 }],
      ["one person", { personId: admin.id }],
      ["a search", { q: "a" }],
      ["an action and a kind", { action: "user.update", entityType: "user" }],
      ["today, oldest first", { from: today, to: today, sort: "oldest" }],
    ];
    const small = new Map<string, number>();
    for (const [name, filter] of views) small.set(name, (await counter.count(() => listAuditEvents(admin, filter))).statements);

    await growAuditLog(handle.db, { people: 300, events: 3_000 });
    const sizes: string[] = [];
    for (const [name, filter] of views) {
      const large = await counter.count(() => listAuditEvents(admin, filter));
      expect(large.statements, name).toBe(small.get(name));
      sizes.push(`${name}: ${large.statements}`);
    }
    expect(Math.max(...small.values())).toBeLessThanOrEqual(4);
    console.log(`audit log page, statements per view (small log = large log): ${sizes.join(", ")}`);
  });
});
