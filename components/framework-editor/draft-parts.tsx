"use client";

import { useState, type ReactNode } from "react";
import { inputClass } from "@/components/ui/form";
import {
  addDimension,
  addStep,
  addTransition,
  moveItem,
  pillarsOf,
  removeDimension,
  removeStep,
  removeTransition,
  type Draft,
  type DraftDimension,
  type DraftStep,
} from "@/lib/framework/draft";
import { PATH_LIMITS } from "@/lib/framework/validate";

type Change = (update: (previous: Draft) => Draft) => void;

const smallButton = "rounded-md border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-50";
const removeButton = "rounded-md border border-red-200 bg-white px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-50";

/** A control with its label; `of` names the card it sits in for screen readers ("Step 3"). */
function Labelled({ id, label, of, children, className = "" }: { id: string; label: string; of?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-xs font-medium text-stone-700">
        {of && <span className="sr-only">{of}: </span>}
        {label}
      </label>
      {children}
    </div>
  );
}

/** Move a step or dimension one place either way, or remove it. */
function ItemControls(props: {
  noun: string;
  label: string;
  directions: [string, string];
  first: boolean;
  last: boolean;
  disabled: boolean;
  move: (by: -1 | 1) => void;
  remove: () => void;
}) {
  const { noun, label, directions, disabled } = props;
  const word = (direction: string) => direction.charAt(0).toUpperCase() + direction.slice(1);
  return (
    <div className="flex gap-1">
      {([-1, 1] as const).map((by, i) => (
        <button key={by} type="button" className={smallButton} disabled={disabled || (by < 0 ? props.first : props.last)} onClick={() => props.move(by)}>
          {word(directions[i]!)}
          <span className="sr-only">
            : move {label} {directions[i]}
          </span>
        </button>
      ))}
      <button type="button" className={removeButton} disabled={disabled} onClick={props.remove}>
        Remove
        <span className="sr-only">
          {" "}
          {noun} {label}
        </span>
      </button>
    </div>
  );
}

const months = (value: string): number | null => {
  if (value.trim() === "") return null;
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? Math.min(600, Math.max(0, n)) : null;
};

/** Steps in reading order, each with its expected time and the steps it leads to. */
export function StepsEditor({ draft, change, disabled }: { draft: Draft; change: Change; disabled: boolean }) {
  const [name, setName] = useState("");
  const [after, setAfter] = useState("");
  const full = draft.steps.length >= PATH_LIMITS.steps;

  const update = (key: string, patch: Partial<DraftStep>) => change((d) => ({ ...d, steps: d.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) }));

  return (
    <section id="draft-steps" aria-labelledby="draft-steps-heading" tabIndex={-1} className="scroll-mt-16 space-y-3">
      <div>
        <h2 id="draft-steps-heading" className="text-lg font-semibold">
          Steps and the path between them
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          Steps in the order people read them. A step with no transition leading into it is a first step; a step with two ways on is a fork. Keys stay as
          they are when a step is renamed, so the versions can be compared.
        </p>
      </div>
      <ol className="grid gap-3 xl:grid-cols-2">
        {draft.steps.map((step, i) => (
          <StepCard key={step.key} draft={draft} step={step} index={i} change={change} update={update} disabled={disabled} />
        ))}
      </ol>
      <form
        className="flex flex-col gap-3 rounded-xl border border-dashed border-stone-300 bg-white/60 p-4 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || full) return;
          let added = "";
          change((d) => {
            const result = addStep(d, name.trim(), { after: after || undefined });
            added = result.key;
            return result.draft;
          });
          setName("");
          setTimeout(() => document.getElementById(`draft-step-${added}-name`)?.focus(), 0);
        }}
      >
        <Labelled id="new-step-name" label="New step's name" className="flex-1">
          <input id="new-step-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={inputClass} disabled={disabled || full} />
        </Labelled>
        <Labelled id="new-step-after" label="Place it" className="sm:w-64">
          <select id="new-step-after" value={after} onChange={(e) => setAfter(e.target.value)} className={inputClass} disabled={disabled || full}>
            <option value="">At the end</option>
            {draft.steps.map((s) => (
              <option key={s.key} value={s.key}>
                After {s.name || s.key}
              </option>
            ))}
          </select>
        </Labelled>
        <button type="submit" disabled={disabled || full || !name.trim()} className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60">
          Add step
        </button>
        {full && <p className="text-sm text-stone-600">A version has at most {PATH_LIMITS.steps} steps.</p>}
      </form>
    </section>
  );
}

function StepCard({
  draft,
  step,
  index,
  change,
  update,
  disabled,
}: {
  draft: Draft;
  step: DraftStep;
  index: number;
  change: Change;
  update: (key: string, patch: Partial<DraftStep>) => void;
  disabled: boolean;
}) {
  const id = `draft-step-${step.key}`;
  const label = step.name.trim() || step.key;
  const out = draft.transitions.filter((t) => t.from === step.key);
  const into = draft.transitions.filter((t) => t.to === step.key);
  const candidates = draft.steps.filter((s) => s.key !== step.key && !out.some((t) => t.to === s.key));
  const [to, setTo] = useState("");
  const [branch, setBranch] = useState("");
  const nameOf = (key: string) => draft.steps.find((s) => s.key === key)?.name || key;

  return (
    <li id={id} tabIndex={-1} className="scroll-mt-16 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-stone-600">
          Step {index + 1} · key <code className="font-mono text-stone-800">{step.key}</code>
          {into.length === 0 && <span className="ml-2 rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-700">first step</span>}
        </p>
        <ItemControls
          noun="step"
          label={label}
          directions={["up", "down"]}
          first={index === 0}
          last={index === draft.steps.length - 1}
          disabled={disabled}
          move={(by) => change((d) => ({ ...d, steps: moveItem(d.steps, index, by) }))}
          remove={() => window.confirm(`Remove the step “${label}” with its cells and transitions?`) && change((d) => removeStep(d, step.key))}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_auto_auto]">
        <Labelled id={`${id}-name`} of={`Step ${index + 1}`} label="Name">
          <input id={`${id}-name`} value={step.name} maxLength={80} disabled={disabled} onChange={(e) => update(step.key, { name: e.target.value })} className={inputClass} />
        </Labelled>
        <Labelled id={`${id}-min`} of={`Step ${index + 1}`} label="Shortest time (months)">
          <input
            id={`${id}-min`}
            type="number"
            min={0}
            max={600}
            inputMode="numeric"
            value={step.timeframeMinMonths ?? ""}
            disabled={disabled}
            onChange={(e) => update(step.key, { timeframeMinMonths: months(e.target.value) })}
            className={`${inputClass} sm:w-28`}
          />
        </Labelled>
        <Labelled id={`${id}-max`} of={`Step ${index + 1}`} label="Longest time (months)">
          <input
            id={`${id}-max`}
            type="number"
            min={0}
            max={600}
            inputMode="numeric"
            value={step.timeframeMaxMonths ?? ""}
            disabled={disabled}
            onChange={(e) => update(step.key, { timeframeMaxMonths: months(e.target.value) })}
            className={`${inputClass} sm:w-28`}
          />
        </Labelled>
      </div>
      <Labelled id={`${id}-summary`} of={`Step ${index + 1}`} label="Summary">
        <textarea id={`${id}-summary`} value={step.summary} rows={3} maxLength={600} disabled={disabled} onChange={(e) => update(step.key, { summary: e.target.value })} className={inputClass} />
      </Labelled>
      <div className="space-y-2">
        <p className="text-xs font-semibold text-stone-700">{out.length === 0 ? "Leads nowhere yet: the path ends here." : out.length > 1 ? "The path forks here" : "Leads to"}</p>
        {out.length > 0 && (
          <ul className="space-y-2">
            {out.map((t) => (
              <li key={t.to} className="flex flex-wrap items-end gap-2">
                <Labelled id={`${id}-to-${t.to}`} of={`Step ${index + 1}`} label={`→ ${nameOf(t.to)}: label`} className="min-w-0 flex-1">
                  <input
                    id={`${id}-to-${t.to}`}
                    value={t.label}
                    maxLength={120}
                    disabled={disabled}
                    placeholder="e.g. Deeper technical path"
                    onChange={(e) =>
                      change((d) => ({ ...d, transitions: d.transitions.map((x) => (x.from === t.from && x.to === t.to ? { ...x, label: e.target.value } : x)) }))
                    }
                    className={inputClass}
                  />
                </Labelled>
                <button type="button" className={removeButton} disabled={disabled} onClick={() => change((d) => removeTransition(d, t.from, t.to))}>
                  Remove<span className="sr-only"> the transition from {label} to {nameOf(t.to)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {candidates.length > 0 && (
          <div className="flex flex-wrap items-end gap-2 border-t border-stone-100 pt-2">
            <Labelled id={`${id}-new-to`} of={`Step ${index + 1}`} label="Add a way on to" className="min-w-0 flex-1">
              <select id={`${id}-new-to`} value={to} disabled={disabled} onChange={(e) => setTo(e.target.value)} className={inputClass}>
                <option value="">Choose a step</option>
                {candidates.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name || s.key}
                  </option>
                ))}
              </select>
            </Labelled>
            <Labelled id={`${id}-new-label`} of={`Step ${index + 1}`} label="Label (optional)" className="min-w-0 flex-1">
              <input id={`${id}-new-label`} value={branch} maxLength={120} disabled={disabled} onChange={(e) => setBranch(e.target.value)} className={inputClass} />
            </Labelled>
            <button
              type="button"
              className={smallButton}
              disabled={disabled || !to}
              onClick={() => {
                change((d) => addTransition(d, { from: step.key, to, label: branch.trim() }));
                setTo("");
                setBranch("");
              }}
            >
              Add transition<span className="sr-only"> from {label}</span>
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

/** Dimensions in column order, each in an optional pillar. */
export function DimensionsEditor({ draft, change, disabled }: { draft: Draft; change: Change; disabled: boolean }) {
  const [name, setName] = useState("");
  const [pillar, setPillar] = useState("");
  const pillars = pillarsOf(draft);
  const full = draft.dimensions.length >= PATH_LIMITS.dimensions;
  const update = (key: string, patch: Partial<DraftDimension>) =>
    change((d) => ({ ...d, dimensions: d.dimensions.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));

  return (
    <section id="draft-dimensions" aria-labelledby="draft-dimensions-heading" tabIndex={-1} className="scroll-mt-16 space-y-3">
      <div>
        <h2 id="draft-dimensions-heading" className="text-lg font-semibold">
          Dimensions
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">The columns of the matrix. Dimensions in the same pillar are shown together; a pillar is just a name they share.</p>
      </div>
      <datalist id="draft-pillars">
        {pillars.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <ol className="grid gap-3 lg:grid-cols-2 xl:grid-cols-3">
        {draft.dimensions.map((dimension, i) => {
          const id = `draft-dimension-${dimension.key}`;
          const label = dimension.name.trim() || dimension.key;
          return (
            <li key={dimension.key} id={id} tabIndex={-1} className="scroll-mt-16 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-xs text-stone-600">
                  Column {i + 1} · key <code className="font-mono text-stone-800">{dimension.key}</code>
                </p>
                <ItemControls
                  noun="dimension"
                  label={label}
                  directions={["left", "right"]}
                  first={i === 0}
                  last={i === draft.dimensions.length - 1}
                  disabled={disabled}
                  move={(by) => change((d) => ({ ...d, dimensions: moveItem(d.dimensions, i, by) }))}
                  remove={() => window.confirm(`Remove the dimension “${label}” with its cells?`) && change((d) => removeDimension(d, dimension.key))}
                />
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <Labelled id={`${id}-name`} of={`Column ${i + 1}`} label="Name">
                  <input id={`${id}-name`} value={dimension.name} maxLength={80} disabled={disabled} onChange={(e) => update(dimension.key, { name: e.target.value })} className={inputClass} />
                </Labelled>
                <Labelled id={`${id}-group`} of={`Column ${i + 1}`} label="Pillar (optional)">
                  <input
                    id={`${id}-group`}
                    list="draft-pillars"
                    value={dimension.group ?? ""}
                    maxLength={80}
                    disabled={disabled}
                    onChange={(e) => update(dimension.key, { group: e.target.value || null })}
                    className={inputClass}
                  />
                </Labelled>
              </div>
              <Labelled id={`${id}-description`} of={`Column ${i + 1}`} label="Description">
                <textarea
                  id={`${id}-description`}
                  value={dimension.description}
                  rows={2}
                  maxLength={600}
                  disabled={disabled}
                  onChange={(e) => update(dimension.key, { description: e.target.value })}
                  className={inputClass}
                />
              </Labelled>
            </li>
          );
        })}
      </ol>
      <form
        className="flex flex-col gap-3 rounded-xl border border-dashed border-stone-300 bg-white/60 p-4 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || full) return;
          let added = "";
          change((d) => {
            const result = addDimension(d, name.trim(), pillar.trim() || null);
            added = result.key;
            return result.draft;
          });
          setName("");
          setTimeout(() => document.getElementById(`draft-dimension-${added}-name`)?.focus(), 0);
        }}
      >
        <Labelled id="new-dimension-name" label="New dimension's name" className="flex-1">
          <input id="new-dimension-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={inputClass} disabled={disabled || full} />
        </Labelled>
        <Labelled id="new-dimension-pillar" label="Pillar (optional)" className="sm:w-64">
          <input id="new-dimension-pillar" list="draft-pillars" value={pillar} onChange={(e) => setPillar(e.target.value)} maxLength={80} className={inputClass} disabled={disabled || full} />
        </Labelled>
        <button type="submit" disabled={disabled || full || !name.trim()} className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60">
          Add dimension
        </button>
        {full && <p className="text-sm text-stone-600">A version has at most {PATH_LIMITS.dimensions} dimensions.</p>}
      </form>
    </section>
  );
}
