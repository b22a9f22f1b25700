"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { addMilestone, deleteMilestone, savePlanBasics, setMilestoneDone, updateMilestone } from "@/lib/data/plans";

const saveBasics = formAction(async (viewer, fields) => {
  await savePlanBasics(viewer, fields);
  revalidatePath("/plan");
  return { message: "Your plan is saved." };
});

const add = formAction(async (viewer, fields) => {
  await addMilestone(viewer, fields);
  revalidatePath("/plan");
  return { message: "Milestone added." };
});

const update = formAction(async (viewer, fields) => {
  await updateMilestone(viewer, fields);
  revalidatePath("/plan");
  return { message: "Milestone saved." };
});

const done = formAction(async (viewer, fields) => {
  await setMilestoneDone(viewer, fields);
  revalidatePath("/plan");
  return { message: fields.done === "on" ? "Marked done." : "Marked not done." };
});

const remove = formAction(async (viewer, fields) => {
  await deleteMilestone(viewer, fields);
  revalidatePath("/plan");
  return { message: "Milestone deleted." };
});

export async function savePlanBasicsAction(prev: ActionState, form: FormData) {
  return saveBasics(prev, form);
}

export async function addMilestoneAction(prev: ActionState, form: FormData) {
  return add(prev, form);
}

export async function updateMilestoneAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}

export async function setMilestoneDoneAction(prev: ActionState, form: FormData) {
  return done(prev, form);
}

export async function deleteMilestoneAction(prev: ActionState, form: FormData) {
  return remove(prev, form);
}
