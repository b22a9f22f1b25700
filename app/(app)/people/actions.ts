"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { createPasswordLink, createPerson, setPersonActive, updatePerson } from "@/lib/data/people";

const create = formAction(async (viewer, fields) => {
  const { id, name, setPasswordToken } = await createPerson(viewer, fields);
  revalidatePath("/people");
  return { message: `${name} was added.`, data: { id, setPasswordPath: setPasswordToken ? `/set-password/${setPasswordToken}` : null } };
});

export async function createPersonAction(prev: ActionState<{ id: string; setPasswordPath: string | null }>, form: FormData) {
  return create(prev, form);
}

const update = formAction(async (viewer, fields) => {
  await updatePerson(viewer, fields);
  revalidatePath("/people", "layout");
  return { message: "Saved." };
});

export async function updatePersonAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}

const setActive = formAction(async (viewer, fields) => {
  const { active } = await setPersonActive(viewer, fields);
  revalidatePath("/people", "layout");
  return { message: active ? "Reactivated: they can sign in again." : "Deactivated: they are signed out and cannot sign in." };
});

export async function setPersonActiveAction(prev: ActionState, form: FormData) {
  return setActive(prev, form);
}

const link = formAction(z.object({ id: z.string() }), async (viewer, { id }) => {
  const token = await createPasswordLink(viewer, id);
  return {
    message: "A new set-password link is ready: send it to them. It works once, for 7 days; earlier links no longer work.",
    data: { path: `/set-password/${token}` },
  };
});

export async function createPasswordLinkAction(prev: ActionState<{ path: string }>, form: FormData) {
  return link(prev, form);
}
