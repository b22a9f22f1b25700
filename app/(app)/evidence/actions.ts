"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, type ActionState } from "@/lib/actions";
import { createEvidence, deleteEvidence, updateEvidence } from "@/lib/data/evidence";

/** After any change the library and the matrix's evidence counts are read again. */
function backToLibrary(): never {
  revalidatePath("/evidence");
  revalidatePath("/path");
  redirect("/evidence");
}

// An item's cells arrive as one checkbox field each.
const lists = ["cellIds"] as const;

const create = formAction(async (viewer, fields) => {
  await createEvidence(viewer, fields);
  backToLibrary();
}, { lists });

const update = formAction(async (viewer, fields) => {
  await updateEvidence(viewer, fields);
  backToLibrary();
}, { lists });

const remove = formAction(async (viewer, fields) => {
  await deleteEvidence(viewer, fields);
  backToLibrary();
});

export async function createEvidenceAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

export async function updateEvidenceAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}

export async function deleteEvidenceAction(prev: ActionState, form: FormData) {
  return remove(prev, form);
}
