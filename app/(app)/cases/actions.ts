"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, type ActionState } from "@/lib/actions";
import { createCase, discardCase, proposeCase, updateCase, withdrawCase } from "@/lib/data/cases";

/** Promotion cases: every action hands the form to the data-access layer, which parses and authorizes it. */

const create = formAction(async (viewer, fields) => {
  const { id } = await createCase(viewer, fields);
  redirect(`/cases/${id}`);
});

export async function createCaseAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const update = formAction(
  async (viewer, fields) => {
    await updateCase(viewer, fields);
    revalidatePath(`/cases/${fields.id}`);
    return { message: "Saved." };
  },
  { lists: ["evidenceIds"] },
);

export async function updateCaseAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}

const propose = formAction(async (viewer, fields) => {
  await proposeCase(viewer, fields);
  revalidatePath(`/cases/${fields.id}`);
  return { message: "Proposed: the case goes to this cycle's calibration, and its subject can now see that it exists." };
});

export async function proposeCaseAction(prev: ActionState, form: FormData) {
  return propose(prev, form);
}

const withdraw = formAction(async (viewer, fields) => {
  await withdrawCase(viewer, fields);
  revalidatePath(`/cases/${fields.id}`);
  return { message: "Withdrawn." };
});

export async function withdrawCaseAction(prev: ActionState, form: FormData) {
  return withdraw(prev, form);
}

const discard = formAction(async (viewer, fields) => {
  const { subjectId } = await discardCase(viewer, fields);
  redirect(`/people/${subjectId}`);
});

export async function discardCaseAction(prev: ActionState, form: FormData) {
  return discard(prev, form);
}
