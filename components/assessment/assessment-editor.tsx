"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { SaveStatus } from "@/components/ui/save-status";
import { useAutosave, type SaveOutcome } from "@/components/hooks/use-autosave";
import { PathMatrix } from "@/components/path-matrix/path-matrix";
import type { FrameworkVersionView } from "@/lib/data/frameworks";
import { GapSummary, marksFor, type Side } from "./review-comparison";

type Pick = { stepId: string | null; rationale: string };
type Rating = { dimensionId: string; stepId: string | null; rationale: string };
type Props = {
  assessmentId: string;
  revision: number;
  kind: "self" | "manager";
  /** The person assessed, as the picker's labels speak of them ("fits Sam now"). */
  subjectFirstName: string;
  initial: Record<string, Pick>;
  framework: FrameworkVersionView;
  /** The other side of the review once it is submitted: the manager's picks, or the engineer's. */
  counterpart: Side | null;
  /** The counterpart's reasons by dimension, already rendered (see counterpart-reasons.tsx). */
  counterpartReasons: Record<string, ReactNode>;
  evidence?: { counts: Record<string, number>; personId: string; own: boolean };
  /** The step the person is placed on now, if this assessment is on that framework version. */
  currentStepId: string | null;
  rationaleMax: number;
  /** Server actions: save the whole draft on top of a revision, and submit it. */
  saveDraft: (input: { assessmentId: string; revision: number; ratings: Rating[] }) => Promise<SaveOutcome>;
  submit: (input: { assessmentId: string; revision: number }) => Promise<SaveOutcome>;
};

/**
 * The assessment form, for a self-assessment or a manager's: a step picked in each column of the
 * path matrix, and the reasons beneath, saved as the person types (see useAutosave).
 */
export function AssessmentEditor(props: Props) {
  const { framework, kind, assessmentId, saveDraft } = props;
  const dimensions = framework.dimensions;
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const draft = useAutosave<Record<string, Pick>>({
    storageKey: `waymark:assessment:${assessmentId}`,
    initial: props.initial,
    revision: props.revision,
    save: (picks, revision) =>
      saveDraft({
        assessmentId,
        revision,
        ratings: dimensions.map((d) => ({ dimensionId: d.id, stepId: picks[d.id]?.stepId ?? null, rationale: picks[d.id]?.rationale ?? "" })),
      }),
  });
  const { value: picks, status, fieldErrors } = draft;

  const change = (dimensionId: string, patch: Partial<Pick>) =>
    draft.change((previous) => ({ ...previous, [dimensionId]: { stepId: null, rationale: "", ...previous[dimensionId], ...patch } }));

  const submit = async () => {
    setSubmitting(true);
    const saved = await draft.flush();
    if (saved && !saved.ok) {
      setSubmitting(false);
      return;
    }
    const result = await props
      .submit({ assessmentId, revision: draft.currentRevision() })
      .catch((): SaveOutcome => ({ ok: false, message: "The server could not be reached. Try again in a moment.", conflict: false, fieldErrors: {} }));
    setSubmitting(false);
    if (result.ok) {
      draft.discard();
      router.refresh();
    } else {
      draft.fail(result);
    }
  };

  const fits = kind === "self" ? "fits me now" : `fits ${props.subjectFirstName} now`;
  const own: Side = {
    who: kind,
    label: kind === "self" ? "You" : "You (manager)",
    ratings: dimensions.map((d) => ({ dimensionId: d.id, stepId: picks[d.id]?.stepId ?? null, rationale: picks[d.id]?.rationale ?? "" })),
  };
  const stepName = (id: string | null | undefined) => framework.steps.find((s) => s.id === id)?.name;
  const [self, manager] = kind === "self" ? [own, props.counterpart] : [props.counterpart, own];

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
        <SaveStatus status={status} />
        <div className="flex gap-2">
          {status.kind === "conflict" && (
            <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              Reload
            </button>
          )}
          <button
            type="button"
            onClick={() => void submit()}
            disabled={submitting || status.kind === "conflict"}
            className="rounded-md bg-path px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60"
          >
            {submitting ? "Submitting…" : kind === "self" ? "Submit self-assessment" : "Submit manager assessment"}
          </button>
        </div>
      </div>
      {Object.keys(fieldErrors).length > 0 && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Pick a step and say why for every dimension before submitting.
        </p>
      )}
      {self && manager && <GapSummary framework={framework} self={self} manager={manager} />}
      <section aria-labelledby="pick-heading" className="space-y-3">
        <div>
          <h2 id="pick-heading" className="text-lg font-semibold">
            Pick on the path
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            In each dimension&apos;s column, choose the cell whose description {kind === "self" ? "fits you" : `fits ${props.subjectFirstName}`} now. Tab
            reaches a column&apos;s choices; the arrow keys move along it.
          </p>
        </div>
        <PathMatrix
          framework={framework}
          label={kind === "self" ? "Pick your step in each dimension" : `Pick ${props.subjectFirstName}'s step in each dimension`}
          marks={marksFor([own, ...(props.counterpart ? [props.counterpart] : [])])}
          evidence={props.evidence}
          current={props.currentStepId ? { stepId: props.currentStepId, label: kind === "self" ? "Your step now" : `${props.subjectFirstName}'s step now` } : undefined}
          pick={(step, dimension) => {
            const checked = picks[dimension.id]?.stepId === step.id;
            return (
              <label
                className={`mt-3 flex w-fit cursor-pointer items-center gap-2 rounded-md border px-2 py-1 text-xs font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-path ${
                  checked ? "border-path bg-white text-path" : "border-stone-300 bg-white text-stone-700 hover:border-path"
                }`}
              >
                <input
                  type="radio"
                  name={`step-${dimension.id}`}
                  value={step.id}
                  checked={checked}
                  onChange={() => change(dimension.id, { stepId: step.id })}
                  className="accent-[var(--color-path)]"
                />
                <span>
                  <span className="sr-only">
                    {step.name}, {dimension.name}:{" "}
                  </span>
                  {checked ? `Picked: ${fits}` : fits.charAt(0).toUpperCase() + fits.slice(1)}
                </span>
              </label>
            );
          }}
        />
      </section>
      <section aria-labelledby="why-heading" className="space-y-4">
        <h2 id="why-heading" className="text-lg font-semibold">
          Why
        </h2>
        {dimensions.map((d) => {
          const pick = picks[d.id] ?? { stepId: null, rationale: "" };
          const errors = fieldErrors[d.id];
          const other = props.counterpart?.ratings.find((r) => r.dimensionId === d.id);
          return (
            <section key={d.id} aria-labelledby={`dim-${d.id}`} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`dim-${d.id}`} className="text-base font-semibold">
                  {d.name}
                </h3>
                <p className="text-sm text-stone-700">
                  {pick.stepId ? (
                    <>
                      Picked: <strong>{stepName(pick.stepId)}</strong>
                    </>
                  ) : (
                    "No step picked yet"
                  )}
                </p>
              </div>
              {other && props.counterpart && (
                <div className={`mt-3 border-l-4 pl-3 ${props.counterpart.who === "self" ? "border-path" : "border-amber-400"}`}>
                  <p className="text-sm">
                    <span className="font-semibold">{props.counterpart.label}:</span> {stepName(other.stepId) ?? "—"}
                  </p>
                  {other.rationale && props.counterpartReasons[d.id]}
                </div>
              )}
              <div className="mt-4 space-y-1">
                <label htmlFor={`why-${d.id}`} className="block text-sm font-medium text-stone-800">
                  Why? (Markdown)
                </label>
                <textarea
                  id={`why-${d.id}`}
                  rows={4}
                  maxLength={props.rationaleMax}
                  value={pick.rationale}
                  onChange={(e) => change(d.id, { rationale: e.target.value })}
                  aria-describedby={`count-${d.id}${errors ? ` err-${d.id}` : ""}`}
                  aria-invalid={!!errors}
                  className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm shadow-sm focus:border-path aria-[invalid=true]:border-red-500"
                />
                <p id={`count-${d.id}`} className="text-xs text-stone-600">
                  {pick.rationale.length.toLocaleString("en")} of {props.rationaleMax.toLocaleString("en")} characters
                </p>
                {errors && (
                  <p id={`err-${d.id}`} className="text-sm text-red-700">
                    {errors.join(" ")}
                  </p>
                )}
              </div>
            </section>
          );
        })}
      </section>
    </div>
  );
}
