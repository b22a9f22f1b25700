"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { startManagerAssessment } from "@/lib/data/assessments";

const start = formAction(z.object({ subjectId: z.string(), cycleId: z.string() }), async (viewer, input) => {
  const started = await startManagerAssessment(viewer, input.subjectId, input.cycleId);
  revalidatePath(`/people/${started.subject.id}/assessment`);
  return { message: `Your assessment of ${started.subject.name} is open.` };
});

export async function startManagerAssessmentAction(prev: ActionState, form: FormData) {
  return start(prev, form);
}
