"use server";

import { redirect } from "next/navigation";
import { setPasswordWithToken } from "@/lib/data/people";
import { InvalidInputError, NotFoundError } from "@/lib/errors";

export type SetPasswordState = { message: string | null; fieldErrors: Record<string, string[]> };

export async function setPasswordAction(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const token = String(form.get("token") ?? "").slice(0, 200);
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) {
    return { message: null, fieldErrors: { confirm: ["The two passwords are not the same."] } };
  }
  try {
    await setPasswordWithToken(token, password);
  } catch (err) {
    if (err instanceof InvalidInputError) return { message: null, fieldErrors: err.fieldErrors };
    if (err instanceof NotFoundError) return { message: "This link has been used or has expired. Ask an admin for a new one.", fieldErrors: {} };
    throw err;
  }
  redirect("/sign-in?passwordSet=1");
}
