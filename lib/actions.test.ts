import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/policy";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

const { dataAction, formAction, publicFormAction, readForm } = await import("./actions");

const sam: Viewer = { id: "7d0c7c34-5f0e-4d7b-9a53-2f1f7f0f6a01", role: "engineer", name: "Sam Okafor", email: "sam@example.com", reportIds: new Set(), hasReports: false };

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

beforeEach(() => {
  session.viewer = sam;
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("readForm", () => {
  it("keeps a field sent once as text and a repeated one as a list, and leaves out Next's own keys", () => {
    const fields = readForm(form([["title", "A talk"], ["cellIds", "a"], ["cellIds", "b"], ["$ACTION_ID_1", ""]]));
    expect(fields).toEqual({ title: "A talk", cellIds: ["a", "b"] });
  });

  it("reads a list field as a list even when it holds one value or none", () => {
    expect(readForm(form([["cellIds", "a"]]), ["cellIds"])).toEqual({ cellIds: ["a"] });
    expect(readForm(form([["title", "x"]]), ["cellIds"])).toEqual({ title: "x", cellIds: [] });
  });
});

describe("formAction", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name.") });

  it("answers a signed-out caller without running anything, keeping what was typed", async () => {
    session.viewer = null;
    const run = vi.fn();
    const state = await formAction(schema, run)({ status: "idle" }, form([["name", "Ada"]]));
    expect(state).toMatchObject({ status: "error", message: "Your session has ended. Sign in again.", values: { name: "Ada" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives field errors for invalid input and never echoes a password", async () => {
    const run = vi.fn();
    const state = await formAction(schema, run)({ status: "idle" }, form([["name", ""], ["password", "secret-123"]]));
    expect(state).toMatchObject({ status: "error", message: "Nothing was saved: check the highlighted fields.", fieldErrors: { name: ["Enter a name."] } });
    expect(state.status === "error" && state.values).toEqual({ name: "" });
    expect(run).not.toHaveBeenCalled();
  });

  it("passes the fields as they are when the data-access layer parses them, and answers with its result", async () => {
    const run = vi.fn(async (viewer: Viewer, fields: Record<string, unknown>) => ({ message: `${viewer.name} saved ${String(fields.title)}.` }));
    const state = await formAction(run, { lists: ["cellIds"] })({ status: "idle" }, form([["title", "A talk"]]));
    expect(run).toHaveBeenCalledWith(sam, { title: "A talk", cellIds: [] });
    expect(state).toEqual({ status: "ok", message: "Sam Okafor saved A talk." });
  });

  it("shows a public error's message", async () => {
    const state = await formAction(async () => {
      throw new ConflictError();
    })({ status: "idle" }, form([["revision", "3"]]));
    expect(state).toMatchObject({ status: "error", message: new ConflictError().message, fieldErrors: {}, values: { revision: "3" } });
  });

  it("tells a unique violation as someone else's save, and hides anything unexpected", async () => {
    const unique = await formAction(async () => {
      throw Object.assign(new Error("duplicate key"), { code: "23505" });
    })({ status: "idle" }, form([]));
    expect(unique).toMatchObject({ status: "error", message: "Someone else saved the same thing a moment ago. Reload and try again." });

    const unexpected = await formAction(async () => {
      throw new Error("connection reset with params: secret");
    })({ status: "idle" }, form([]));
    expect(unexpected).toMatchObject({ status: "error", message: "Something went wrong. Nothing was changed; try again." });
    expect(JSON.stringify(unexpected)).not.toContain("secret");
    expect(console.error).toHaveBeenCalled();
  });

  it("lets a redirect through for Next to follow", async () => {
    const action = formAction(async () => redirect("/evidence"));
    await expect(action({ status: "idle" }, form([]))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("publicFormAction", () => {
  it("needs no viewer and maps errors the same way", async () => {
    session.viewer = null;
    const state = await publicFormAction(async () => {
      throw new NotFoundError("That link", "This link has been used or has expired.");
    })({ status: "idle" }, form([["password", "secret-123"], ["token", "t"]]));
    expect(state).toMatchObject({ status: "error", message: "This link has been used or has expired.", values: { token: "t" } });
    expect(state.status === "error" && "password" in state.values).toBe(false);
  });
});

describe("dataAction", () => {
  it("answers with data, a failure with its code, or signed out", async () => {
    const save = dataAction(async (_viewer, input: { n: number }) => input.n * 2);
    expect(await save({ n: 2 })).toEqual({ ok: true, data: 4 });

    const invalid = dataAction(async () => {
      throw new InvalidInputError("Check the highlighted fields.", { rationale: ["Too long."] });
    });
    expect(await invalid(undefined)).toEqual({ ok: false, code: "invalid", message: "Nothing was saved: check the highlighted fields.", fieldErrors: { rationale: ["Too long."] } });

    session.viewer = null;
    expect(await save({ n: 2 })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
