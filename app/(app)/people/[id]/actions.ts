"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { correctPlacement, placePerson } from "@/lib/data/placements";

const place = formAction(async (viewer, fields) => {
  const { personId, step } = await placePerson(viewer, fields);
  revalidatePath(`/people/${personId}`);
  return { message: `Placed on ${step}.` };
});

export async function placePersonAction(prev: ActionState, form: FormData) {
  return place(prev, form);
}

const correct = formAction(async (viewer, fields) => {
  const { personId, changed } = await correctPlacement(viewer, fields);
  if (changed) revalidatePath(`/people/${personId}`);
  return { message: changed ? "Corrected." : "Nothing to change: the placement already says this." };
});

export async function correctPlacementAction(prev: ActionState, form: FormData) {
  return correct(prev, form);
}
