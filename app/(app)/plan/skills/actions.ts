"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { saveGapActions, saveManagerRatings, saveSkills } from "@/lib/data/plan-skills";

const skills = formAction(async (viewer, fields) => {
  await saveSkills(viewer, fields);
  revalidatePath("/plan/skills");
  return { message: "Your skills are saved." };
});

const gapActions = formAction(async (viewer, fields) => {
  await saveGapActions(viewer, fields);
  revalidatePath("/plan/skills");
  return { message: "Your actions are saved." };
});

const managerRatings = formAction(async (viewer, fields) => {
  await saveManagerRatings(viewer, fields);
  revalidatePath(`/people/${String(fields.personId)}/plan/skills`);
  return { message: "Your ratings are saved." };
});

export async function saveSkillsAction(prev: ActionState, form: FormData) {
  return skills(prev, form);
}

export async function saveGapActionsAction(prev: ActionState, form: FormData) {
  return gapActions(prev, form);
}

export async function saveManagerRatingsAction(prev: ActionState, form: FormData) {
  return managerRatings(prev, form);
}
