"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dataAction, formAction, type ActionResult, type ActionState } from "@/lib/actions";
import { saveAssessmentDraft, startSelfAssessment, submitAssessment } from "@/lib/data/assessments";

/** What the editor's autosave and submit get back: the new revision, or why not and whether it was a conflict. */
export type SaveResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

type DraftInput = { assessmentId: string; revision: number; ratings: { dimensionId: string; stepId: string | null; rationale: string }[] };

function toSaveResult<T>(result: ActionResult<T>, saved: (data: T) => { revision: number; savedAt: string }): SaveResult {
  if (result.ok) return { ok: true, ...saved(result.data) };
  // The editor keeps a copy of the text in the browser, so an interrupted save loses nothing.
  const kept = result.code === "unexpected" || result.code === "unauthenticated" ? " Your text is kept in this browser." : "";
  return { ok: false, message: result.message + kept, conflict: result.code === "conflict", fieldErrors: result.fieldErrors };
}

const save = dataAction((viewer, input: DraftInput) => saveAssessmentDraft(viewer, input));
const submit = dataAction((viewer, input: { assessmentId: string; revision: number }) => submitAssessment(viewer, input));

/** Saves the whole draft of a self- or manager assessment. Called by the editor's autosave, so it answers with data, not a page. */
export async function saveDraftAction(input: DraftInput): Promise<SaveResult> {
  return toSaveResult(await save(input), (d) => ({ revision: d.revision, savedAt: d.updatedAt.toISOString() }));
}

export async function submitAction(input: { assessmentId: string; revision: number }): Promise<SaveResult> {
  const result = toSaveResult(await submit(input), () => ({ revision: input.revision + 1, savedAt: new Date().toISOString() }));
  if (result.ok) {
    revalidatePath("/assessment");
    revalidatePath("/people/[id]/assessment", "page");
  }
  return result;
}

const start = formAction(z.object({ cycleId: z.string() }), async (viewer, { cycleId }) => {
  const started = await startSelfAssessment(viewer, cycleId);
  revalidatePath("/assessment");
  return { message: `Your self-assessment for ${started.cycle.name} is open.` };
});

export async function startAction(prev: ActionState, form: FormData) {
  return start(prev, form);
}
