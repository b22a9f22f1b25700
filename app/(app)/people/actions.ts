"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { createPasswordLink, createPerson, setPersonActive, updatePerson } from "@/lib/data/people";
import { createPersonSchema, setActiveSchema, updatePersonSchema } from "@/lib/people/schemas";

const create = formAction(createPersonSchema, async (viewer, input) => {
  const { id, setPasswordToken } = await createPerson(viewer, input);
  revalidatePath("/people");
  return { message: `${input.name} was added.`, data: { id, setPasswordPath: setPasswordToken ? `/set-password/${setPasswordToken}` : null } };
});

export async function createPersonAction(prev: ActionState<{ id: string; setPasswordPath: string | null }>, form: FormData) {
  return create(prev, form);
}

const update = formAction(updatePersonSchema, async (viewer, input) => {
  await updatePerson(viewer, input);
  revalidatePath("/people", "layout");
  return { message: "Saved." };
});

export async function updatePersonAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}

const setActive = formAction(setActiveSchema, async (viewer, input) => {
  await setPersonActive(viewer, input);
  revalidatePath("/people", "layout");
  return { message: input.active ? "Reactivated: they can sign in again." : "Deactivated: they are signed out and cannot sign in." };
});

export async function setPersonActiveAction(prev: ActionState, form: FormData) {
  return setActive(prev, form);
}

const link = formAction(z.object({ id: z.uuid() }), async (viewer, { id }) => {
  const token = await createPasswordLink(viewer, id);
  return { message: "A new set-password link is ready. It works once, for 7 days.", data: { path: `/set-password/${token}` } };
});

export async function createPasswordLinkAction(prev: ActionState<{ path: string }>, form: FormData) {
  return link(prev, form);
}
