"use server";

import { revalidatePath } from "next/cache";
import { dataAction } from "@/lib/actions";
import { applyPeopleImport, previewPeopleImport, type PlannedImport } from "@/lib/data/people-csv";
import { CSV_LIMITS } from "@/lib/people/csv";

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

const preview = dataAction((viewer, csv: string) => previewPeopleImport(viewer, csv));
const apply = dataAction((viewer, input: { csv: string; fingerprint: string }) => applyPeopleImport(viewer, input.csv, input.fingerprint));

/** Previews a CSV file, then applies exactly what was previewed: all of it or, when anything is wrong, none. */
export async function importPeopleAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  if (form.get("intent") === "reset") return { stage: "start", message: null };
  const csv = await readCsv(form);
  if (typeof csv !== "string") return { stage: "start", message: csv.error };
  const previewed = async (message: string | null): Promise<ImportState> => {
    const result = await preview(csv);
    return result.ok ? { stage: "preview", csv, plan: result.data, message } : { stage: "start", message: result.message };
  };
  if (form.get("intent") !== "apply") return previewed(null);

  const applied = await apply({ csv, fingerprint: String(form.get("fingerprint") ?? "") });
  if (!applied.ok) return applied.code === "unexpected" ? { stage: "start", message: "Something went wrong. Nothing was imported; try again." } : previewed(applied.message);
  if (applied.data.errors.length > 0) return { stage: "preview", csv, plan: applied.data, message: "Nothing was imported: the file has problems." };
  revalidatePath("/people");
  return { stage: "done", plan: applied.data };
}
