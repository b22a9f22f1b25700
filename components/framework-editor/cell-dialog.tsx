"use client";

import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/ui/form";
import { cellCharacters, PATH_LIMITS } from "@/lib/framework/validate";
import { DRAFT_LIMITS, setCell, type Draft, type DraftExpectation } from "@/lib/framework/draft";

type Props = {
  draft: Draft;
  step: string;
  dimension: string;
  onClose: () => void;
  onSave: (update: (previous: Draft) => Draft) => void;
};

type EditedExpectation = { text: string; examples: string };

/**
 * One cell of the draft in a modal dialog: its summary and its expectations, each with examples
 * (one a line). Saving an empty cell clears it: the step then expects nothing on that dimension.
 */
export function CellDialog({ draft, step, dimension, onClose, onSave }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cell = draft.cells.find((c) => c.step === step && c.dimension === dimension);
  const stepName = draft.steps.find((s) => s.key === step)?.name || step;
  const dimensionName = draft.dimensions.find((d) => d.key === dimension)?.name || dimension;
  const [summary, setSummary] = useState(cell?.summary ?? "");
  const [expectations, setExpectations] = useState<EditedExpectation[]>(cell?.expectations.map((e) => ({ text: e.text, examples: e.examples.join("\n") })) ?? []);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  // Closed before the editor moves focus back to the cell: nothing outside an open modal takes focus.
  const close = () => {
    dialog.current?.close();
    onClose();
  };

  const asExpectations = (): DraftExpectation[] =>
    expectations
      .map((e) => ({ text: e.text, examples: e.examples.split("\n").map((x) => x.trim()).filter(Boolean).slice(0, DRAFT_LIMITS.examples) }))
      .filter((e) => e.text.trim() || e.examples.length > 0);
  const length = cellCharacters({ step, dimension, summary, expectations: asExpectations() });
  const tooLong = length > PATH_LIMITS.cellCharacters;
  const setOne = (i: number, patch: Partial<EditedExpectation>) => setExpectations((all) => all.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  return (
    <dialog
      ref={dialog}
      aria-labelledby="cell-dialog-heading"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      className="m-auto max-h-[90dvh] w-[min(44rem,calc(100vw-1.5rem))] overflow-y-auto rounded-xl border border-stone-200 bg-white p-0 shadow-xl backdrop:bg-stone-900/40"
    >
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          const content = { summary, expectations: asExpectations() };
          onSave((d) => setCell(d, step, dimension, content));
          close();
        }}
      >
        <div>
          <h2 id="cell-dialog-heading" className="text-lg font-semibold [overflow-wrap:anywhere]">
            {stepName} × {dimensionName}
          </h2>
          <p className="mt-1 text-sm text-stone-600">What this step expects on this dimension. Leave everything empty when nothing is expected here.</p>
        </div>
        <div className="space-y-1">
          <label htmlFor="cell-summary" className="block text-sm font-medium text-stone-800">
            Summary
          </label>
          <textarea id="cell-summary" value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} maxLength={PATH_LIMITS.cellCharacters} className={inputClass} />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-stone-800">Expectations</legend>
          {expectations.length === 0 && <p className="text-sm text-stone-600">None yet. Expectations spell the summary out, each with examples if you like.</p>}
          {expectations.map((e, i) => (
            <div key={i} className="space-y-2 rounded-lg border border-stone-200 p-3">
              <div className="space-y-1">
                <label htmlFor={`cell-expectation-${i}`} className="block text-xs font-medium text-stone-700">
                  Expectation {i + 1}
                </label>
                <textarea id={`cell-expectation-${i}`} value={e.text} onChange={(x) => setOne(i, { text: x.target.value })} rows={2} maxLength={500} className={inputClass} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`cell-examples-${i}`} className="block text-xs font-medium text-stone-700">
                  Examples, one a line (optional)
                </label>
                <textarea id={`cell-examples-${i}`} value={e.examples} onChange={(x) => setOne(i, { examples: x.target.value })} rows={2} className={inputClass} />
              </div>
              <button
                type="button"
                onClick={() => setExpectations((all) => all.filter((_, j) => j !== i))}
                className="rounded-md border border-red-200 bg-white px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50"
              >
                Remove expectation {i + 1}
              </button>
            </div>
          ))}
          {expectations.length < DRAFT_LIMITS.expectations && (
            <button
              type="button"
              onClick={() => {
                setExpectations((all) => [...all, { text: "", examples: "" }]);
                setTimeout(() => document.getElementById(`cell-expectation-${expectations.length}`)?.focus(), 0);
              }}
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50"
            >
              Add an expectation
            </button>
          )}
        </fieldset>
        <p className={`text-xs ${tooLong ? "font-medium text-red-800" : "text-stone-600"}`} aria-live="polite">
          {length.toLocaleString("en-GB")} of {PATH_LIMITS.cellCharacters.toLocaleString("en-GB")} characters
          {tooLong && ": shorten the cell before publishing"}
        </p>
        <div className="sticky bottom-0 -mx-5 -mb-5 flex flex-wrap justify-end gap-2 border-t border-stone-200 bg-white px-5 py-4">
          <button type="button" onClick={close} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50">
            Cancel
          </button>
          {cell && (
            <button
              type="button"
              onClick={() => {
                onSave((d) => setCell(d, step, dimension, null));
                close();
              }}
              className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
            >
              Clear cell
            </button>
          )}
          <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
            Save cell
          </button>
        </div>
      </form>
    </dialog>
  );
}
