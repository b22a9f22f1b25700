"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { saveCheckIn } from "@/lib/data/plan-check-ins";
import { closeExperiment, createExperiment, updateExperiment } from "@/lib/data/plan-experiments";

/** The experiment log's and the check-in's forms on /plan; the plan's own form has its actions beside it. */

const done = (message: string) => {
  revalidatePath("/plan");
  revalidatePath("/");
  return { message };
};

const create = formAction(async (viewer, fields) => {
  await createExperiment(viewer, fields);
  return done("Your experiment is logged.");
});
const update = formAction(async (viewer, fields) => {
  await updateExperiment(viewer, fields);
  return done("Your experiment is saved.");
});
const close = formAction(async (viewer, fields) => {
  await closeExperiment(viewer, fields);
  return done("Your experiment is closed.");
});
const checkIn = formAction(async (viewer, fields) => {
  await saveCheckIn(viewer, fields);
  return done("Your check-in is saved.");
});

export async function createExperimentAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}
export async function updateExperimentAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}
export async function closeExperimentAction(prev: ActionState, form: FormData) {
  return close(prev, form);
}
export async function saveCheckInAction(prev: ActionState, form: FormData) {
  return checkIn(prev, form);
}
