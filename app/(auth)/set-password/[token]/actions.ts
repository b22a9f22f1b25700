"use server";

import { redirect } from "next/navigation";
import { publicFormAction, type ActionState } from "@/lib/actions";
import { setPasswordWithToken } from "@/lib/data/people";

const setPassword = publicFormAction(async (fields) => {
  await setPasswordWithToken(fields);
  redirect("/sign-in?passwordSet=1");
});

export async function setPasswordAction(prev: ActionState, form: FormData) {
  return setPassword(prev, form);
}
