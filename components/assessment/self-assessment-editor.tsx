"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveDraftAction, submitAction, type SaveResult } from "@/app/(app)/assessment/actions";

type Pick = { stepId: string | null; rationale: string };
type Props = {
  assessmentId: string;
  revision: number;
  initial: Record<string, Pick>;
  dimensions: { id: string; name: string; description: string }[];
  steps: { id: string; name: string }[];
  /** Summary of each cell, keyed "stepId:dimensionId". */
  cells: Record<string, string>;
  currentStepId: string | null;
  rationaleMax: number;
};

type Status = { kind: "saved"; at: Date | null } | { kind: "unsaved" } | { kind: "saving" } | { kind: "error"; message: string } | { kind: "conflict"; message: string };

const storageKey = (id: string) => `waymark:self-assessment:${id}`;

/**
 * The self-placement form. Every change is kept in this browser at once and saved to the server a
 * moment later, so closing the tab or losing the network for a while loses no text; a copy that
 * someone else (another tab) saved meanwhile is never overwritten.
 */
export function SelfAssessmentEditor(props: Props) {
  const router = useRouter();
  const [picks, setPicks] = useState<Record<string, Pick>>(props.initial);
  const [status, setStatus] = useState<Status>({ kind: "saved", at: null });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [submitting, setSubmitting] = useState(false);
  const revision = useRef(props.revision);
  const latest = useRef(picks);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<SaveResult | null> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(false);
  const saveRef = useRef<() => Promise<SaveResult | null>>(async () => null);

  const schedule = useCallback((delay = 800) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const save = useCallback(async (): Promise<SaveResult | null> => {
    if (stopped.current) return null;
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return null;
    dirty.current = false;
    setStatus({ kind: "saving" });
    const ratings = props.dimensions.map((d) => ({ dimensionId: d.id, stepId: latest.current[d.id]?.stepId ?? null, rationale: latest.current[d.id]?.rationale ?? "" }));
    const request = saveDraftAction({ assessmentId: props.assessmentId, revision: revision.current, ratings }).catch(
      (): SaveResult => ({ ok: false, message: "The server could not be reached. Your text is kept in this browser; saving will be tried again.", conflict: false, fieldErrors: {} }),
    );
    inFlight.current = request;
    const result = await request;
    inFlight.current = null;
    if (result.ok) {
      revision.current = result.revision;
      localStorage.setItem(storageKey(props.assessmentId), JSON.stringify({ baseRevision: result.revision, picks: latest.current }));
      setFieldErrors({});
      setStatus(dirty.current ? { kind: "unsaved" } : { kind: "saved", at: new Date(result.savedAt) });
      if (dirty.current) schedule();
    } else if (result.conflict) {
      stopped.current = true;
      setStatus({ kind: "conflict", message: result.message });
    } else {
      dirty.current = true;
      setFieldErrors(result.fieldErrors);
      setStatus({ kind: "error", message: result.message });
      schedule(5000);
    }
    return result;
  }, [props.assessmentId, props.dimensions, schedule]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = (dimensionId: string, patch: Partial<Pick>) => {
    if (stopped.current) return;
    const next = { ...latest.current, [dimensionId]: { stepId: null, rationale: "", ...latest.current[dimensionId], ...patch } };
    latest.current = next;
    dirty.current = true;
    setPicks(next);
    setStatus({ kind: "unsaved" });
    localStorage.setItem(storageKey(props.assessmentId), JSON.stringify({ baseRevision: revision.current, picks: next }));
    schedule();
  };

  // Bring back text typed here that never reached the server (tab closed, network gone).
  useEffect(() => {
    const stored = localStorage.getItem(storageKey(props.assessmentId));
    if (!stored) return;
    try {
      const { baseRevision, picks: saved } = JSON.parse(stored) as { baseRevision: number; picks: Record<string, Pick> };
      if (baseRevision === props.revision && JSON.stringify(saved) !== JSON.stringify(props.initial)) {
        latest.current = saved;
        dirty.current = true;
        // Restoring from this browser's own copy after mount: the server's page could not know it.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setPicks(saved);
        setStatus({ kind: "unsaved" });
        schedule();
      }
    } catch {
      localStorage.removeItem(storageKey(props.assessmentId));
    }
  }, [props.assessmentId, props.revision, props.initial, schedule]);

  useEffect(() => {
    const retry = () => dirty.current && void save();
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener("online", retry);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, [save]);

  const submit = async () => {
    setSubmitting(true);
    clearTimeout(timer.current);
    const saved = await save();
    if (saved && !saved.ok) {
      setSubmitting(false);
      return;
    }
    const result = await submitAction({ assessmentId: props.assessmentId, revision: revision.current }).catch(
      (): SaveResult => ({ ok: false, message: "The server could not be reached. Try again in a moment.", conflict: false, fieldErrors: {} }),
    );
    setSubmitting(false);
    if (result.ok) {
      localStorage.removeItem(storageKey(props.assessmentId));
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors);
      setStatus(result.conflict ? { kind: "conflict", message: result.message } : { kind: "error", message: result.message });
    }
  };

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
        <p role="status" aria-live="polite" data-testid="save-status" className="text-sm text-stone-700">
          {status.kind === "saved" && (status.at ? `Saved at ${status.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}` : "All changes saved")}
          {status.kind === "unsaved" && "Unsaved changes (kept in this browser)"}
          {status.kind === "saving" && "Saving…"}
          {status.kind === "error" && <span className="text-amber-800">{status.message}</span>}
          {status.kind === "conflict" && <span className="text-red-800">{status.message}</span>}
        </p>
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
            {submitting ? "Submitting…" : "Submit self-assessment"}
          </button>
        </div>
      </div>
      {Object.keys(fieldErrors).length > 0 && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Pick a step and say why for every dimension before submitting.
        </p>
      )}
      {props.dimensions.map((d) => {
        const pick = picks[d.id] ?? { stepId: null, rationale: "" };
        const errors = fieldErrors[d.id];
        return (
          <section key={d.id} aria-labelledby={`dim-${d.id}`} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id={`dim-${d.id}`} className="text-lg font-semibold">
              {d.name}
            </h2>
            {d.description && <p className="mt-1 text-sm text-stone-600">{d.description}</p>}
            <fieldset className="mt-4" aria-describedby={errors ? `err-${d.id}` : undefined}>
              <legend className="text-sm font-medium text-stone-800">Which step describes you now?</legend>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                {props.steps.map((s) => {
                  const summary = props.cells[`${s.id}:${d.id}`];
                  const checked = pick.stepId === s.id;
                  return (
                    <label
                      key={s.id}
                      className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-path ${
                        checked ? "border-path bg-path-soft/50" : "border-stone-200 hover:border-stone-300"
                      }`}
                    >
                      <input
                        type="radio"
                        name={`step-${d.id}`}
                        value={s.id}
                        checked={checked}
                        onChange={() => change(d.id, { stepId: s.id })}
                        className="mt-1 accent-[var(--color-path)]"
                      />
                      <span>
                        <span className="font-semibold text-stone-900">{s.name}</span>
                        {s.id === props.currentStepId && (
                          <>
                            {" "}
                            <span className="ml-1 rounded-full bg-stone-200 px-2 py-0.5 text-xs">your step</span>
                          </>
                        )}
                        {" "}
                        <span className="mt-0.5 block text-stone-600">{summary ?? "Not expected at this step."}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
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
    </div>
  );
}
