"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { savePlanBasics } from "@/lib/data/plans";

const saveBasics = formAction(async (viewer, fields) => {
  await savePlanBasics(viewer, fields);
  revalidatePath("/plan");
  return { message: "Your plan is saved." };
});

export async function savePlanBasicsAction(prev: ActionState, form: FormData) {
  return saveBasics(prev, form);
}
