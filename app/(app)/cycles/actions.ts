"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { createCycle, setCycleStatus } from "@/lib/data/assessments";

const create = formAction(async (viewer, fields) => {
  const { name } = await createCycle(viewer, fields);
  revalidatePath("/cycles");
  return { message: `${name} was created. Open it when assessments should start.` };
});

export async function createCycleAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const setStatus = formAction(async (viewer, fields) => {
  const { status } = await setCycleStatus(viewer, fields);
  revalidatePath("/cycles");
  revalidatePath("/assessment");
  return { message: status === "open" ? "The cycle is open." : "The cycle is closed." };
});

export async function setCycleStatusAction(prev: ActionState, form: FormData) {
  return setStatus(prev, form);
}
