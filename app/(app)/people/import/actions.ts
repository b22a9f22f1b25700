"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/session";
import { applyPeopleImport, previewPeopleImport } from "@/lib/data/people-csv";
import { logUnexpected, PublicError } from "@/lib/errors";
import { CSV_LIMITS } from "@/lib/people/csv";
import type { PlannedImport } from "@/lib/data/people-csv";

export type ImportState =
  | { stage: "start"; message: string | null }
  | { stage: "preview"; csv: string; plan: PlannedImport; message: string | null }
  | { stage: "done"; plan: PlannedImport };

async function readCsv(form: FormData): Promise<string | { error: string }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > CSV_LIMITS.bytes) return { error: `The file is larger than ${CSV_LIMITS.bytes / 1_000_000} MB.` };
    return file.text();
  }
  const text = form.get("csv");
  return typeof text === "string" && text.trim() ? text : { error: "Choose a CSV file, or paste its contents." };
}

export async function importPeopleAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  if (form.get("intent") === "reset") return { stage: "start", message: null };
  const viewer = await getViewer();
  if (!viewer) return { stage: "start", message: "Your session has ended. Sign in again." };
  const csv = await readCsv(form);
  if (typeof csv !== "string") return { stage: "start", message: csv.error };
  try {
    if (form.get("intent") !== "apply") {
      return { stage: "preview", csv, plan: await previewPeopleImport(viewer, csv), message: null };
    }
    const plan = await applyPeopleImport(viewer, csv, String(form.get("fingerprint") ?? ""));
    if (plan.errors.length > 0) return { stage: "preview", csv, plan, message: "Nothing was imported: the file has problems." };
    revalidatePath("/people");
    return { stage: "done", plan };
  } catch (err) {
    if (err instanceof PublicError) {
      const plan = await previewPeopleImport(viewer, csv).catch(() => null);
      return plan ? { stage: "preview", csv, plan, message: err.message } : { stage: "start", message: err.message };
    }
    logUnexpected(err);
    return { stage: "start", message: "Something went wrong. Nothing was imported; try again." };
  }
}
