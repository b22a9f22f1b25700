"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { saveDirection } from "@/lib/data/plan-direction";

const direction = formAction(async (viewer, fields) => {
  await saveDirection(viewer, fields);
  revalidatePath("/plan/direction");
  return { message: "Your direction is saved." };
});

export async function saveDirectionAction(prev: ActionState, form: FormData) {
  return direction(prev, form);
}
