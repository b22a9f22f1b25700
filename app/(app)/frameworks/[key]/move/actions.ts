"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { applyMigration, type MigrationResult } from "@/lib/data/framework-migration";
import type { FormFields } from "@/lib/validation";

const MAPPING = "mapping.";

/** The form's fields as the move's input: one `mapping.<old step key>` select per old step. */
function toInput(fields: FormFields) {
  const text = (name: string) => (typeof fields[name] === "string" ? (fields[name] as string) : "");
  const mapping: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith(MAPPING) && typeof value === "string") mapping[name.slice(MAPPING.length)] = value;
  }
  return { frameworkKey: text("frameworkKey"), from: text("from"), to: text("to"), mapping, note: text("note"), fingerprint: text("fingerprint") };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

const move = formAction<MigrationResult>(async (viewer, fields) => {
  const result = await applyMigration(viewer, toInput(fields));
  revalidatePath("/frameworks");
  revalidatePath(`/frameworks/${result.framework.key}/move`);
  const restarted = result.moved - result.keptTimeAtStep;
  return {
    message:
      `Moved ${plural(result.moved, "person", "people")} from version ${result.from} to version ${result.to} of ${result.framework.name}: ` +
      `${plural(result.keptTimeAtStep, "person keeps", "people keep")} their time at step, ${plural(restarted, "person starts", "people start")} again on a new step. ` +
      `${plural(result.evidenceLinks, "evidence link was", "evidence links were")} added to version ${result.to}'s cells.`,
    data: result,
  };
});

/** Moves everyone on an older version to the latest published one, as the preview showed it. */
export async function movePeopleAction(prev: ActionState<MigrationResult>, form: FormData): Promise<ActionState<MigrationResult>> {
  return move(prev, form);
}
