"use client";

import { useActionState } from "react";
import { inputClass, SubmitButton } from "@/components/ui/form";
import { importFrameworkAction, type FrameworkImportState } from "./actions";

/** The upload form, and what came of the last upload: the new draft, or the file's problems. */
export function ImportFrameworkForm({ frameworks }: { frameworks: { key: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FrameworkImportState, FormData>(importFrameworkAction, { status: "idle" });
  const values = state.status === "error" ? state.values : { target: "", newKey: "", name: "" };

  return (
    <div className="space-y-5">
      {state.status === "ok" && (
        <p role="status" data-testid="import-result" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 [overflow-wrap:anywhere]">
          Imported {state.fileName} as draft version {state.number} of {state.created ? "the new framework" : "the framework"} <strong>{state.frameworkKey}</strong>. It is
          listed below; nobody but admins sees it until it is published.
        </p>
      )}
      {state.status === "error" && (
        <div className="space-y-2">
          <p role="alert" data-testid="import-message" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
          {state.problems.length > 0 && (
            <section aria-labelledby="problems-heading" className="rounded-xl border border-red-200 bg-white p-4">
              <h2 id="problems-heading" className="font-semibold text-red-800">
                {state.problems.length} {state.problems.length === 1 ? "problem" : "problems"}
              </h2>
              <ul data-testid="import-problems" className="mt-2 list-disc space-y-1 pl-5 text-sm [overflow-wrap:anywhere]">
                {state.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}

      <form action={action} className="max-w-xl space-y-4">
        <div className="space-y-1">
          <label htmlFor="file" className="block text-sm font-medium text-stone-800">
            File
          </label>
          <input id="file" name="file" type="file" required accept=".json,.csv,application/json,text/csv" aria-describedby="file-hint" className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 file:shadow-sm hover:file:bg-stone-50" />
          <p id="file-hint" className="text-xs text-stone-600">
            A framework file exported from Waymark (.json), or a spreadsheet saved as CSV: one row per step with a <code>name</code> column, one column per
            dimension holding the step&apos;s summary, and optionally <code>key</code>, <code>summary</code>, <code>timeframe</code> (like 12-24 or 24+) and{" "}
            <code>leads_to</code> (the next steps&apos; names, separated by ;). At most 2 MB.
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="target" className="block text-sm font-medium text-stone-800">
            Import into
          </label>
          <select id="target" name="target" defaultValue={values.target} aria-describedby="target-hint" className={inputClass}>
            <option value="">A new framework</option>
            {frameworks.map((f) => (
              <option key={f.key} value={f.key}>
                {f.name} ({f.key}): its next draft
              </option>
            ))}
          </select>
          <p id="target-hint" className="text-xs text-stone-600">
            An import always lands as a draft. A framework has one draft at a time: publish or discard it before importing another.
          </p>
        </div>
        <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium text-stone-800">For a new framework</legend>
          <div className="space-y-1">
            <label htmlFor="name" className="block text-sm font-medium text-stone-800">
              Name
            </label>
            <input id="name" name="name" defaultValue={values.name} maxLength={120} aria-describedby="name-hint" className={inputClass} />
            <p id="name-hint" className="text-xs text-stone-600">
              For a spreadsheet; the file&apos;s name if left empty. A JSON file names its framework itself.
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor="newKey" className="block text-sm font-medium text-stone-800">
              Key
            </label>
            <input id="newKey" name="newKey" defaultValue={values.newKey} maxLength={48} aria-describedby="newKey-hint" className={`${inputClass} font-mono`} />
            <p id="newKey-hint" className="text-xs text-stone-600">
              Lower-case letters, digits and dashes, like <code>data-science</code>. Left empty: the file&apos;s own key, or one made from the name.
            </p>
          </div>
        </fieldset>
        <SubmitButton pending={pending}>{pending ? "Importing…" : "Import as a draft"}</SubmitButton>
      </form>
    </div>
  );
}
