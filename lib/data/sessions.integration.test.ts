import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, NotAllowedError } from "@/lib/errors";
import { changeOwnPassword } from "./account";
import { createPasswordLink, setPasswordWithToken, setPersonActive, updatePerson } from "./people";
import { attemptPasswordSignIn } from "./sign-in";
import { currentSessionVersion, loadViewer, signOutEverywhere } from "./viewer";

/**
 * A session carries the session version its person had when it was issued. Signing out, a new
 * password, a role change and a deactivation raise the version, so every older session is
 * refused on its next request.
 */

let handle: TestDatabase;
let as: (key: string) => Promise<Viewer>;
let idOf: (key: string) => Promise<string>;

beforeEach(async () => {
  ({ handle, as, idOf } = await createDemoDatabase());
});
afterEach(async () => {
  await handle.close();
});

const row = async (id: string) => (await handle.db.select().from(users).where(eq(users.id, id)))[0]!;
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Error);

/** A session issued now for the person: what the sign-in callback records. */
async function issueSession(id: string) {
  const version = await currentSessionVersion(id);
  expect(version).not.toBeNull();
  return { id, version: version! };
}
const stillValid = async (session: { id: string; version: number }) => (await loadViewer(session.id, { version: session.version })) !== null;

describe("sessions", () => {
  it("end everywhere when the person signs out", async () => {
    const sam = await as("sam");
    const laptop = await issueSession(sam.id);
    const phone = await issueSession(sam.id);
    await signOutEverywhere(sam);
    expect(await stillValid(laptop)).toBe(false);
    expect(await stillValid(phone)).toBe(false);
    // A new sign-in gets a session that works.
    expect(await stillValid(await issueSession(sam.id))).toBe(true);
    // Another person's session is untouched.
    expect(await stillValid(await issueSession(await idOf("lena")))).toBe(true);
  });

  it("end when the password is changed, and only with the current password", async () => {
    const sam = await as("sam");
    const session = await issueSession(sam.id);
    const wrong = await rejection(changeOwnPassword(sam, { current: "not-my-password", password: "a-brand-new-one", confirm: "a-brand-new-one" }, { address: "192.0.2.1" }));
    expect(wrong).toBeInstanceOf(InvalidInputError);
    expect(await stillValid(session)).toBe(true);
    const mismatch = await rejection(changeOwnPassword(sam, { current: "sam-waymark", password: "a-brand-new-one", confirm: "another-one" }, { address: "192.0.2.1" }));
    expect((mismatch as InvalidInputError).fieldErrors.confirm).toBeDefined();

    await changeOwnPassword(sam, { current: "sam-waymark", password: "a-brand-new-one", confirm: "a-brand-new-one" }, { address: "192.0.2.1" });
    expect(await stillValid(session)).toBe(false);
    expect(await attemptPasswordSignIn({ email: sam.email, password: "sam-waymark", address: "192.0.2.2" })).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptPasswordSignIn({ email: sam.email, password: "a-brand-new-one", address: "192.0.2.2" })).toMatchObject({ ok: true });
  });

  it("stop guessing the current password through an open session after five wrong ones", async () => {
    const sam = await as("sam");
    for (let i = 0; i < 5; i++) {
      await rejection(changeOwnPassword(sam, { current: `guess-${i}-xxxx`, password: "a-brand-new-one", confirm: "a-brand-new-one" }, { address: "192.0.2.3" }));
    }
    const refused = await rejection(changeOwnPassword(sam, { current: "sam-waymark", password: "a-brand-new-one", confirm: "a-brand-new-one" }, { address: "192.0.2.3" }));
    expect(refused).toBeInstanceOf(NotAllowedError);
  });

  it("end when the password is reset through a set-password link", async () => {
    const admin = await as("alex");
    const meiId = await idOf("mei");
    const session = await issueSession(meiId);
    const token = await createPasswordLink(admin, meiId);
    // Sending the link alone ends nothing: the person may still know their password.
    expect(await stillValid(session)).toBe(true);
    await setPasswordWithToken({ token, password: "mei-new-password", confirm: "mei-new-password" });
    expect(await stillValid(session)).toBe(false);
  });

  it("end when the role changes, but not when only the name does", async () => {
    const admin = await as("alex");
    const meiId = await idOf("mei");
    const session = await issueSession(meiId);
    const before = await row(meiId);
    const fields = { id: meiId, name: "Mei Chen-Li", role: before.role, managerId: before.managerId, teamId: before.teamId };
    await updatePerson(admin, { ...fields, revision: before.revision });
    expect(await stillValid(session)).toBe(true);
    await updatePerson(admin, { ...fields, role: "manager", revision: before.revision + 1 });
    expect(await stillValid(session)).toBe(false);
  });

  it("end when the person is deactivated, and stay ended after reactivation", async () => {
    const admin = await as("alex");
    const meiId = await idOf("mei");
    const session = await issueSession(meiId);
    const before = await row(meiId);
    await setPersonActive(admin, { id: meiId, active: false, revision: before.revision });
    expect(await stillValid(session)).toBe(false);
    expect(await currentSessionVersion(meiId)).toBeNull();
    await setPersonActive(admin, { id: meiId, active: true, revision: before.revision + 1 });
    expect(await stillValid(session)).toBe(false);
    expect(await stillValid(await issueSession(meiId))).toBe(true);
  });
});
