"use server";

import { revalidatePath } from "next/cache";
import { createCycleSchema, setCycleStatusSchema } from "@/lib/assessments/schemas";
import { formAction, type ActionState } from "@/lib/actions";
import { createCycle, setCycleStatus } from "@/lib/data/assessments";

const create = formAction(createCycleSchema, async (viewer, input) => {
  await createCycle(viewer, input);
  revalidatePath("/cycles");
  return { message: `${input.name} was created. Open it when assessments should start.` };
});

export async function createCycleAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const setStatus = formAction(setCycleStatusSchema, async (viewer, input) => {
  await setCycleStatus(viewer, input);
  revalidatePath("/cycles");
  revalidatePath("/assessment");
  return { message: input.status === "open" ? "The cycle is open." : "The cycle is closed." };
});

export async function setCycleStatusAction(prev: ActionState, form: FormData) {
  return setStatus(prev, form);
}
