"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { getViewer } from "@/lib/auth/session";
import { saveAssessmentDraft, startSelfAssessment, submitAssessment } from "@/lib/data/assessments";
import { InvalidInputError, logUnexpected, PublicError } from "@/lib/errors";

export type SaveResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

async function guarded<T>(run: () => Promise<T>): Promise<T | Extract<SaveResult, { ok: false }>> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PublicError) {
      return { ok: false, message: err.message, conflict: err.code === "conflict", fieldErrors: err instanceof InvalidInputError ? err.fieldErrors : {} };
    }
    logUnexpected(err);
    return { ok: false, message: "Something went wrong; your text is kept in this browser and saving will be tried again.", conflict: false, fieldErrors: {} };
  }
}

/** Saves the whole draft of a self- or manager assessment. Called by the editor's autosave, so it answers with data, not a page. */
export async function saveDraftAction(input: {
  assessmentId: string;
  revision: number;
  ratings: { dimensionId: string; stepId: string | null; rationale: string }[];
}): Promise<SaveResult> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Your session has ended. Sign in again; your text is kept in this browser.", conflict: false, fieldErrors: {} };
  return guarded(async () => {
    const saved = await saveAssessmentDraft(viewer, input);
    return { ok: true as const, revision: saved.revision, savedAt: saved.updatedAt.toISOString() };
  });
}

export async function submitAction(input: { assessmentId: string; revision: number }): Promise<SaveResult> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Your session has ended. Sign in again.", conflict: false, fieldErrors: {} };
  const result = await guarded(async () => {
    await submitAssessment(viewer, input);
    return { ok: true as const, revision: input.revision + 1, savedAt: new Date().toISOString() };
  });
  if (result.ok) {
    revalidatePath("/assessment");
    revalidatePath("/people/[id]/assessment", "page");
  }
  return result;
}

const start = formAction(z.object({ cycleId: z.string() }), async (viewer, input) => {
  await startSelfAssessment(viewer, input.cycleId);
  revalidatePath("/assessment");
  return { message: "Your self-assessment is open." };
});

export async function startSelfAssessmentAction(prev: ActionState, form: FormData) {
  return start(prev, form);
}
