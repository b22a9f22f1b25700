"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { points, SKILL_LIMITS } from "@/lib/plan/skills";

export type GapRow = { id: string; area: string; name: string; rating: number | null; target: number | null; gap: number; actions: { read: string; practise: string; show: string } };

const KINDS = [
  { key: "read", label: "Read", hint: "A book, a paper, a codebase to study." },
  { key: "practise", label: "Practise", hint: "Where you will do it, on real work." },
  { key: "show", label: "Show", hint: "What will prove it: a design doc, a talk, a review." },
] as const;

/** The top gaps, largest first, each with what to read, practise and show to close it. */
export function GapActionsForm({ action: save, revision, gaps }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; revision: number; gaps: GapRow[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const hidden = Object.entries(errors).flatMap(([key, list]) => (/^actions\.\d+\.skillId$/.test(key) ? list : []));
  const formErrors = [...(errors.revision ?? []), ...(errors.actions ?? []), ...(errors.form ?? []), ...new Set(hidden)];
  return (
    <form key={typed ? JSON.stringify(typed) : `revision-${revision}`} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="revision" value={typed?.revision ?? revision} />
      <FormMessage state={state} />
      {formErrors.length > 0 && <p className="text-sm text-red-700">{formErrors.join(" ")}</p>}
      <ol className="grid gap-4 lg:grid-cols-3">
        {gaps.map((gap, k) => (
          <li key={gap.id} className="min-w-0 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
            <input type="hidden" name={`actions.${k}.skillId`} value={gap.id} />
            <div>
              <p className="text-xs font-semibold uppercase tracking-wide text-path">
                Gap {k + 1} · {points(gap.gap)}
              </p>
              <h3 className="mt-1 font-semibold text-stone-950 [overflow-wrap:anywhere]">{gap.name}</h3>
              <p className="text-sm text-stone-600 [overflow-wrap:anywhere]">
                {gap.area}: {gap.rating} now, aiming for {gap.target}
              </p>
            </div>
            {KINDS.map((kind) => {
              const name = `actions.${k}.${kind.key}`;
              return (
                <Field key={kind.key} id={`gap-${k}-${kind.key}`} label={kind.label} hint={kind.hint} errors={errors[name]}>
                  {(a) => <textarea {...a} name={name} rows={2} maxLength={SKILL_LIMITS.action} defaultValue={typed?.[name] ?? gap.actions[kind.key]} className={inputClass} />}
                </Field>
              );
            })}
          </li>
        ))}
      </ol>
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save actions"}</SubmitButton>
    </form>
  );
}
