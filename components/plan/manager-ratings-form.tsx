"use client";

import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { SKILL_LEVELS } from "@/lib/plan/skills";
import { SkillsTable } from "./skills-view";
import type { SkillsView } from "@/lib/data/plan-skills";

/** The direct manager's rating beside each of the person's own, saved in one go. */
export function ManagerRatingsForm({
  action: save,
  personId,
  revision,
  skills,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  personId: string;
  revision: number;
  skills: SkillsView["skills"];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const formErrors = [...(errors.revision ?? []), ...(errors.form ?? []), ...(errors.personId ?? [])];
  return (
    <form key={typed ? JSON.stringify(typed) : `revision-${revision}`} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="revision" value={typed?.revision ?? revision} />
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} />
      {formErrors.length > 0 && <p className="text-sm text-red-700">{formErrors.join(" ")}</p>}
      <SkillsTable
        skills={skills}
        managerCell={(s) => {
          const name = `rating.${s.id}`;
          const err = errors[name];
          return (
            <>
              <select
                name={name}
                aria-label={`Your rating of ${s.name}`}
                aria-invalid={!!err}
                aria-describedby={err ? `${name}-error` : undefined}
                defaultValue={typed?.[name] ?? s.managerRating?.toString() ?? ""}
                className={`${inputClass} px-2 py-1`}
              >
                <option value="">—</option>
                {SKILL_LEVELS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.value}
                  </option>
                ))}
              </select>
              {err && (
                <span id={`${name}-error`} className="mt-1 block text-xs text-red-700">
                  {err.join(" ")}
                </span>
              )}
            </>
          );
        }}
      />
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save my ratings"}</SubmitButton>
    </form>
  );
}
