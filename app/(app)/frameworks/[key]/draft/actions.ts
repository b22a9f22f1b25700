"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { dataAction, describeFailure, type ActionResult } from "@/lib/actions";
import { getViewer } from "@/lib/auth/session";
import { discardDraft, openDraft, publishEditedDraft, saveDraft } from "@/lib/data/framework-drafts";
import type { Draft } from "@/lib/framework/draft";
import type { FileProblem } from "@/lib/framework/format";

/** What the editor's autosave gets back: the new revision, or why not and whether it was a conflict. */
export type DraftSaveResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

export type DraftPublishResult =
  | { status: "published"; number: number }
  | { status: "refused"; problems: FileProblem[] }
  | { status: "error"; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

function failure(result: Extract<ActionResult<unknown>, { ok: false }>) {
  // The editor keeps a copy of the draft in the browser, so an interrupted save loses nothing.
  const kept = result.code === "unexpected" || result.code === "unauthenticated" ? " Your changes are kept in this browser." : "";
  return { ok: false as const, message: result.message + kept, conflict: result.code === "conflict", fieldErrors: result.fieldErrors };
}

const save = dataAction((viewer, input: { versionId: string; revision: number; content: Draft }) => saveDraft(viewer, input));
const publish = dataAction((viewer, input: { versionId: string; revision: number; note: string }) => publishEditedDraft(viewer, input));
const discard = dataAction((viewer, input: { versionId: string; revision: number }) => discardDraft(viewer, input));

/** Saves the whole draft; called by the editor's autosave. */
export async function saveDraftAction(input: { versionId: string; revision: number; content: Draft }): Promise<DraftSaveResult> {
  const result = await save(input);
  return result.ok ? { ok: true, revision: result.data.revision, savedAt: result.data.updatedAt.toISOString() } : failure(result);
}

/** Publishes the draft as the editor last saved it, with a change note. */
export async function publishDraftAction(input: { versionId: string; revision: number; note: string }): Promise<DraftPublishResult> {
  const result = await publish(input);
  if (!result.ok) return { status: "error", ...failure(result) };
  if (!result.data.ok) return { status: "refused", problems: result.data.problems };
  revalidatePath("/frameworks");
  revalidatePath("/path");
  return { status: "published", number: result.data.number };
}

/** Throws the draft away. */
export async function discardDraftAction(input: { versionId: string; revision: number }): Promise<DraftSaveResult> {
  const result = await discard(input);
  if (!result.ok) return failure(result);
  revalidatePath("/frameworks");
  return { ok: true, revision: input.revision, savedAt: new Date().toISOString() };
}

/** Opens the framework's draft (a copy of its latest published version when there is none) and goes to it. */
export async function openDraftAction(_prev: { message: string } | null, form: FormData): Promise<{ message: string } | null> {
  const key = String(form.get("framework") ?? "");
  const viewer = await getViewer();
  if (!viewer) return { message: "Your session has ended. Sign in again." };
  try {
    await openDraft(viewer, key);
  } catch (err) {
    return { message: describeFailure(err).message };
  }
  revalidatePath("/frameworks");
  redirect(`/frameworks/${key}/draft`);
}
