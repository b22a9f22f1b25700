"use server";

import { revalidatePath } from "next/cache";
import { dataAction } from "@/lib/actions";
import { importFramework } from "@/lib/data/framework-files";
import { describeProblem, FRAMEWORK_FILE_LIMITS } from "@/lib/framework/format";

export type FrameworkImportState =
  | { status: "idle" }
  | { status: "ok"; frameworkKey: string; number: number; created: boolean; fileName: string }
  | { status: "error"; message: string; problems: string[]; values: { target: string; newKey: string; name: string } };

const run = dataAction(importFramework);

/** Imports an uploaded framework file (.json) or spreadsheet (.csv) as a draft; an invalid file changes nothing. */
export async function importFrameworkAction(_prev: FrameworkImportState, form: FormData): Promise<FrameworkImportState> {
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const values = { target: field("target"), newKey: field("newKey"), name: field("name") };
  const fail = (message: string, problems: string[] = []): FrameworkImportState => ({ status: "error", message, problems, values });

  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("Choose a framework file (.json) or a spreadsheet saved as CSV (.csv).");
  // The size first: the file is not read at all when it is too large.
  if (file.size > FRAMEWORK_FILE_LIMITS.bytes) return fail(`The file is larger than ${FRAMEWORK_FILE_LIMITS.bytes / 1_000_000} MB; a framework file is far smaller. Nothing was imported.`);
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const kind = extension === "csv" ? "csv" : extension === "json" ? "json" : null;
  if (!kind) return fail("Choose a file ending in .json (a framework file) or .csv (a spreadsheet).");

  const result = await run({
    text: await file.text(),
    kind,
    frameworkKey: values.target || values.newKey || undefined,
    // A spreadsheet has no place for the framework's name: the file's name stands in for it.
    name: values.name || (kind === "csv" ? file.name.replace(/\.[^.]*$/, "") : undefined),
  });
  if (!result.ok) return fail(`${result.message}${result.code === "unexpected" ? "" : " Nothing was imported."}`);
  if (!result.data.ok) {
    const count = result.data.problems.length;
    return fail(`Nothing was imported: the file has ${count === 1 ? "a problem" : "problems"} to fix first.`, result.data.problems.map(describeProblem));
  }
  revalidatePath("/frameworks/import");
  const { frameworkKey, number, created } = result.data;
  return { status: "ok", frameworkKey, number, created, fileName: file.name };
}
