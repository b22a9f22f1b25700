"use client";

import { useActionState, useState } from "react";
import { TargetStepChoices } from "@/components/cases/target-step-choices";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { CASE_LIMITS } from "@/lib/promotion/choices";
import { discardCaseAction, proposeCaseAction, updateCaseAction, withdrawCaseAction } from "../actions";
import { Day } from "@/components/ui/day";

type Choice = { id: string; title: string; occurredOn: string; cellIds: string[] };
type Group = { key: string; label: string; cellId: string | null };

/**
 * The manager chain's editor: the narrative, the target step while the case is a draft, and the
 * evidence that supports it, offered grouped by the cells of the target step each item proves.
 */
export function CaseEditor({
  c,
  targets,
  groups,
  evidence,
}: {
  c: { id: string; revision: number; status: string; narrative: string; toStepId: string; evidenceIds: string[] };
  targets: { id: string; name: string; label: string }[];
  groups: Group[];
  evidence: Choice[];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateCaseAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const narrative = state.status === "error" ? (state.values.narrative ?? c.narrative) : c.narrative;
  const picked = new Set(state.status === "error" ? (state.lists.evidenceIds ?? []) : c.evidenceIds);
  const [length, setLength] = useState(narrative.length);
  const groupOf = (e: Choice) => groups.find((g) => g.cellId && e.cellIds.includes(g.cellId))?.key ?? "other";
  return (
    <form key={c.revision} action={action} className="space-y-5" noValidate>
      <input type="hidden" name="id" value={c.id} />
      <input type="hidden" name="revision" value={c.revision} />
      {c.status === "draft" && targets.length > 1 && (
        <fieldset aria-describedby={errors.toStepId ? "case-target-error" : undefined}>
          <legend className="text-sm font-medium text-stone-800">Which step is the case for? The path forks here.</legend>
          <TargetStepChoices targets={targets} checked={c.toStepId} errors={errors.toStepId} errorId="case-target-error" />
        </fieldset>
      )}
      <Field
        id="case-narrative"
        label="Narrative"
        hint={`Markdown. What the person does at the level of the step, in a few paragraphs; ${length.toLocaleString("en")} of ${CASE_LIMITS.narrative.toLocaleString("en")} characters.`}
        errors={errors.narrative}
      >
        {(a) => (
          <textarea {...a} name="narrative" rows={10} defaultValue={narrative} onChange={(e) => setLength(e.target.value.length)} className={`${inputClass} font-mono`} />
        )}
      </Field>
      <fieldset aria-describedby={errors.evidenceIds ? "case-evidence-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Supporting evidence</legend>
        <p className="text-xs text-stone-600">Grouped by the cell of the target step each item proves. Pick at most {CASE_LIMITS.evidence}.</p>
        {evidence.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">This person has recorded no evidence yet.</p>
        ) : (
          <div className="mt-2 space-y-3">
            {[...groups, { key: "other", label: "Other evidence (no cell of the target step)", cellId: null }].map((g) => {
              const items = evidence.filter((e) => groupOf(e) === g.key);
              if (items.length === 0) return null;
              return (
                <div key={g.key}>
                  <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{g.label}</p>
                  <ul className="mt-1 space-y-1">
                    {items.map((e) => (
                      <li key={e.id}>
                        <label className="flex items-start gap-2 text-sm">
                          <input type="checkbox" name="evidenceIds" value={e.id} defaultChecked={picked.has(e.id)} className="mt-1" />
                          <span className="min-w-0 break-words">
                            {e.title} <span className="text-stone-600">· <Day value={e.occurredOn} /></span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        )}
        {errors.evidenceIds && (
          <p id="case-evidence-error" className="mt-1 text-sm text-red-700">
            {errors.evidenceIds.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Save case</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

const stepActions = {
  propose: { action: proposeCaseAction, label: "Propose for calibration", variant: "primary", confirm: null },
  withdraw: { action: withdrawCaseAction, label: "Withdraw case", variant: "secondary", confirm: "Withdraw this case? It leaves the calibration." },
  discard: { action: discardCaseAction, label: "Discard draft", variant: "danger", confirm: "Discard this draft? It is deleted." },
} as const;

/** Propose, withdraw or discard: one button, with the case's revision so a stale page is refused. */
export function CaseStepButton({ kind, c }: { kind: keyof typeof stepActions; c: { id: string; revision: number } }) {
  const spec = stepActions[kind];
  const [state, action, pending] = useActionState<ActionState, FormData>(spec.action, { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (spec.confirm && !window.confirm(spec.confirm)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={c.id} />
      <input type="hidden" name="revision" value={c.revision} />
      <SubmitButton pending={pending} variant={spec.variant}>
        {spec.label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
