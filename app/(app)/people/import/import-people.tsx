"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { inputClass, SubmitButton } from "@/components/ui/form";
import { clampPage, formatCount, showingText } from "@/lib/paging";
import { placementReasonLabel } from "@/lib/placements/choices";
import { importPeopleAction, type ImportState } from "./actions";

export function ImportPeople() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importPeopleAction, { stage: "start", message: null });

  if (state.stage === "done") {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Imported: {formatCount(state.plan.creates.length)} added, {formatCount(state.plan.updates.length)} changed,{" "}
          {state.plan.placements.length > 0 && `${formatCount(state.plan.placements.length)} placed on a step, `}
          {formatCount(state.plan.unchanged)} unchanged
          {state.plan.newTeams.length > 0 && `, ${state.plan.newTeams.length} new ${state.plan.newTeams.length === 1 ? "team" : "teams"}`}.
        </p>
        <p className="text-sm text-stone-700">New people have no password yet: create a set-password link on their page, or let them use single sign-on.</p>
        <Link href="/people" className="text-path hover:underline">
          Back to people
        </Link>
      </div>
    );
  }

  if (state.stage === "preview") {
    const { plan } = state;
    const ok = plan.errors.length === 0;
    // A row may add or change a person and place them too: the button counts rows.
    const rowsChanged = new Set([...plan.creates, ...plan.updates, ...plan.placements].map((c) => c.line)).size;
    return (
      <div className="space-y-5">
        {state.message && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        {ok ? (
          <p role="status" className="text-sm text-stone-800">
            This file would add <strong>{formatCount(plan.creates.length)}</strong>, change <strong>{formatCount(plan.updates.length)}</strong>
            {plan.placements.length > 0 && (
              <>
                , place <strong>{formatCount(plan.placements.length)}</strong> on a step
              </>
            )}{" "}
            and leave{" "}
            <strong>{formatCount(plan.unchanged)}</strong> as they are
            {plan.newTeams.length > 0 && <>, and create the teams {plan.newTeams.join(", ")}</>}. Nothing has changed yet.
          </p>
        ) : (
          <section aria-labelledby="errors-heading" className="rounded-xl border border-red-200 bg-white p-4">
            <h2 id="errors-heading" className="font-semibold text-red-800">
              {formatCount(plan.errors.length)} {plan.errors.length === 1 ? "problem" : "problems"}: nothing can be imported until the file is fixed
            </h2>
            {/* Every bad row, however many: the file is fixed from this list. */}
            <table className="mt-2 w-full text-left text-sm break-words">
              <thead>
                <tr className="text-stone-600">
                  <th scope="col" className="w-20 py-1 font-medium">Line</th>
                  <th scope="col" className="py-1 font-medium">Problem</th>
                </tr>
              </thead>
              <tbody>
                {plan.errors.map((e, i) => (
                  <tr key={i} className="border-t border-stone-200">
                    <td className="py-1 font-mono">{e.line || "—"}</td>
                    <td className="py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {ok && (
          <PlannedList
            id="creates-heading"
            title="To add"
            items={plan.creates.map((c) => ({
              key: c.email,
              text: `${c.name} (${c.email}), ${c.role}${c.managerEmail ? `, reporting to ${c.managerEmail}` : ""}${c.team ? `, in ${c.team}` : ""}`,
            }))}
          />
        )}
        {ok && (
          <PlannedList
            id="updates-heading"
            title="To change"
            items={plan.updates.map((u) => ({ key: u.email, text: `${u.email}: ${u.changes.map((c) => `${c.field} ${c.from ?? "none"} → ${c.to ?? "none"}`).join("; ")}` }))}
          />
        )}
        {ok && (
          <PlannedList
            id="placements-heading"
            title="To place on a step (effective today)"
            items={plan.placements.map((p) => ({ key: p.email, text: `${p.email}: ${p.from ?? "not placed"} → ${p.to} (${placementReasonLabel[p.reason].toLowerCase()})` }))}
          />
        )}
        <form action={action} className="flex flex-wrap gap-2">
          <textarea name="csv" defaultValue={state.csv} hidden readOnly aria-hidden="true" tabIndex={-1} />
          <input type="hidden" name="fingerprint" value={plan.fingerprint} />
          {ok && (
            <button type="submit" name="intent" value="apply" disabled={pending} className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60">
              {pending ? "Importing…" : `Import ${formatCount(rowsChanged)} ${rowsChanged === 1 ? "change" : "changes"}`}
            </button>
          )}
          <button type="submit" name="intent" value="reset" className="rounded-md border border-stone-300 px-3 py-2 text-sm hover:bg-stone-50">
            Start again
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={action} className="max-w-2xl space-y-4">
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium">CSV file</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 file:shadow-sm hover:file:bg-stone-50" />
      </div>
      <div className="space-y-1">
        <label htmlFor="csv" className="block text-sm font-medium">Or paste it here</label>
        <textarea id="csv" name="csv" rows={8} aria-describedby="csv-hint" className={`${inputClass} font-mono`} placeholder={"email,name,role,manager_email,team\nkim@example.com,Kim Lee,engineer,priya.raman@example.com,Platform"} />
        <p id="csv-hint" className="text-xs text-stone-600">
          Columns: email, name, role (engineer, manager or admin), manager_email, team, and optionally step (a step&apos;s key or name on the current
          path: someone on another step is placed on it, effective today; an empty cell changes nothing). People are matched by email; new teams are
          created. At most 5,000 rows.
        </p>
      </div>
      <SubmitButton pending={pending}>{pending ? "Reading…" : "Preview"}</SubmitButton>
    </form>
  );
}

/** How many entries of a list the preview shows at a time; a list this long or shorter is open from the start. */
const PREVIEW_PAGE = 50;
const OPEN_UP_TO = 10;

/**
 * One part of an import's plan (people to add, people to change), shown only when it has entries:
 * collapsed behind its count once it is long, and fifty entries at a time, so a file of thousands
 * of people previews as quickly as a file of ten.
 */
function PlannedList({ id, title, items }: { id: string; title: string; items: { key: string; text: string }[] }) {
  const [page, setPage] = useState(1);
  if (items.length === 0) return null;
  // A new preview may be shorter than the page this list was left on.
  const { page: current, pages } = clampPage(page, items.length, PREVIEW_PAGE);
  const shown = items.slice((current - 1) * PREVIEW_PAGE, current * PREVIEW_PAGE);
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white shadow-sm">
      <details open={items.length <= OPEN_UP_TO} className="group">
        <summary className="cursor-pointer px-4 py-3 hover:bg-stone-50">
          <h2 id={id} className="inline font-semibold">
            {title}
          </h2>{" "}
          <span className="text-sm text-stone-600">
            ({formatCount(items.length)} {items.length === 1 ? "person" : "people"})
          </span>
        </summary>
        <div className="border-t border-stone-200 px-4 py-3">
          <ul className="list-disc space-y-0.5 pl-5 text-sm break-words">
            {shown.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ul>
          {pages > 1 && (
            <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-stone-600" aria-live="polite">
                {showingText({ page: current, total: items.length, pageSize: PREVIEW_PAGE })}
              </span>
              <button type="button" onClick={() => setPage(current - 1)} disabled={current === 1} className="rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-50 disabled:opacity-50">
                Previous {PREVIEW_PAGE}
              </button>
              <button type="button" onClick={() => setPage(current + 1)} disabled={current === pages} className="rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-50 disabled:opacity-50">
                Next {PREVIEW_PAGE}
              </button>
            </div>
          )}
        </div>
      </details>
    </section>
  );
}
