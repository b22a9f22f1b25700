"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { EVIDENCE_LIMITS, evidenceKindLabel, evidenceKinds } from "@/lib/evidence/schemas";

type Existing = { id: string; revision: number; title: string; kind: string; occurredOn: string; link: string | null; body: string; cellIds: string[] };
type Matrix = { dimensions: { id: string; name: string }[]; steps: { id: string; name: string }[]; cells: { id: string; stepId: string; dimensionId: string }[] };

type Props = {
  /** The server action that creates the item, or updates `existing`. */
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  existing?: Existing;
  preselect?: string[];
  matrix: Matrix;
  today: string;
};

/** Adds an evidence item, or edits one: its fields and the cells of the matrix it proves. */
export function EvidenceForm({ action: save, existing, preselect = [], matrix, today }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values =
    state.status === "error"
      ? state.values
      : { title: existing?.title ?? "", kind: existing?.kind ?? "", occurredOn: existing?.occurredOn ?? today, link: existing?.link ?? "", body: existing?.body ?? "" };
  const chosen = new Set(state.status === "error" ? (state.lists.cellIds ?? []) : (existing?.cellIds ?? preselect));
  const cellAt = new Map(matrix.cells.map((c) => [`${c.stepId}:${c.dimensionId}`, c.id]));

  return (
    // Remount with what was typed after a refused save: React resets a form after its action, and a
    // select only takes its default from the first render.
    <form key={state.status === "error" ? JSON.stringify(state.values) : "form"} action={action} className="max-w-3xl space-y-4" noValidate>
      {existing && (
        <>
          <input type="hidden" name="id" value={existing.id} />
          <input type="hidden" name="revision" value={existing.revision} />
        </>
      )}
      <FormMessage state={state} />
      <Field id="title" label="Title" errors={errors.title} hint={`At most ${EVIDENCE_LIMITS.title} characters.`}>
        {(a) => <input {...a} name="title" required maxLength={EVIDENCE_LIMITS.title} defaultValue={values.title} className={inputClass} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label="Kind" errors={errors.kind}>
          {(a) => (
            <select {...a} name="kind" defaultValue={values.kind} className={inputClass}>
              <option value="">Choose…</option>
              {evidenceKinds.map((k) => (
                <option key={k} value={k}>
                  {evidenceKindLabel[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="occurredOn" label="Date" errors={errors.occurredOn}>
          {(a) => <input {...a} name="occurredOn" type="date" max={today} required defaultValue={values.occurredOn} className={inputClass} />}
        </Field>
      </div>
      <Field id="link" label="Link (optional)" errors={errors.link} hint="An https:// or http:// address.">
        {(a) => <input {...a} name="link" type="url" maxLength={EVIDENCE_LIMITS.link} defaultValue={values.link} className={inputClass} />}
      </Field>
      <Field id="body" label="What happened, and what it shows (Markdown)" errors={errors.body} hint={`At most ${EVIDENCE_LIMITS.body.toLocaleString("en")} characters.`}>
        {(a) => <textarea {...a} name="body" rows={6} maxLength={EVIDENCE_LIMITS.body} defaultValue={values.body} className={inputClass} />}
      </Field>
      <fieldset className="space-y-2" aria-describedby={errors.cellIds ? "cells-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Cells of the matrix this proves</legend>
        {matrix.dimensions.map((d) => (
          <div key={d.id} className="rounded-lg border border-stone-200 p-3">
            <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{d.name}</p>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {matrix.steps.map((s) => {
                const cellId = cellAt.get(`${s.id}:${d.id}`);
                if (!cellId) return null;
                return (
                  <label key={cellId} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="cellIds" value={cellId} defaultChecked={chosen.has(cellId)} />
                    {s.name} <span className="sr-only">· {d.name}</span>
                  </label>
                );
              })}
            </div>
          </div>
        ))}
        {errors.cellIds && (
          <p id="cells-error" className="text-sm text-red-700">
            {errors.cellIds.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={pending}>{pending ? "Saving…" : existing ? "Save changes" : "Add evidence"}</SubmitButton>
    </form>
  );
}
