"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions";
import { getViewer } from "@/lib/auth/session";
import { createEvidence, deleteEvidence, updateEvidence } from "@/lib/data/evidence";
import { InvalidInputError, isUniqueViolation, logUnexpected, PublicError } from "@/lib/errors";

/** Evidence forms carry several cells under one name, so they are read here rather than by the generic wrapper. */
function readForm(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? "");
  return {
    title: text("title"),
    kind: text("kind"),
    occurredOn: text("occurredOn"),
    link: text("link"),
    body: text("body"),
    cellIds: form.getAll("cellIds").map(String),
  };
}

async function run(form: FormData, task: (viewer: NonNullable<Awaited<ReturnType<typeof getViewer>>>) => Promise<void>): Promise<ActionState> {
  const { cellIds, ...values } = readForm(form);
  const echo = { ...values, cellIds: cellIds.join(",") };
  const viewer = await getViewer();
  if (!viewer) return { status: "error", message: "Your session has ended. Sign in again.", fieldErrors: {}, values: echo };
  try {
    await task(viewer);
  } catch (err) {
    if (err instanceof PublicError) {
      const fieldErrors = err instanceof InvalidInputError ? err.fieldErrors : {};
      return { status: "error", message: Object.keys(fieldErrors).length ? "Nothing was saved: check the highlighted fields." : err.message, fieldErrors, values: echo };
    }
    if (!isUniqueViolation(err)) logUnexpected(err);
    return { status: "error", message: "Something went wrong. Nothing was saved; try again.", fieldErrors: {}, values: echo };
  }
  revalidatePath("/evidence");
  revalidatePath("/path");
  redirect("/evidence");
}

export async function createEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(form, (viewer) => createEvidence(viewer, readForm(form)).then(() => undefined));
}

export async function updateEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(form, (viewer) => updateEvidence(viewer, { ...readForm(form), id: String(form.get("id") ?? ""), revision: String(form.get("revision") ?? "") }));
}

export async function deleteEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(form, (viewer) => deleteEvidence(viewer, { id: String(form.get("id") ?? ""), revision: String(form.get("revision") ?? "") }));
}
