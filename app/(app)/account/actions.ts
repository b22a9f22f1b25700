"use server";

import { headers } from "next/headers";
import { formAction, type ActionState } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/address";
import { signOut } from "@/lib/auth/config";
import { changeOwnPassword } from "@/lib/data/account";
import { readEnv } from "@/lib/env";

const change = formAction(async (viewer, fields) => {
  const address = clientAddress((await headers()).get("x-forwarded-for"), readEnv().trustedProxyHops);
  await changeOwnPassword(viewer, fields, { address });
  // Every session of the person has ended, this one too: clear its cookie and sign in afresh.
  await signOut({ redirectTo: "/sign-in?passwordChanged=1" });
  return { message: "Your password is changed." };
});

export async function changePasswordAction(prev: ActionState, form: FormData) {
  return change(prev, form);
}
