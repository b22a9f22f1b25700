"use client";

import { useActionState, useState } from "react";
import { FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import type { MigrationPlan, MigrationResult } from "@/lib/data/framework-migration";
import { keepsTimeAtStep, type SuggestionBasis } from "@/lib/framework/migration";
import { PLACEMENT_NOTE_MAX } from "@/lib/placements/choices";
import { movePeopleAction } from "./actions";

const SUGGESTED: Record<SuggestionBasis, string> = { key: "Suggested: same key", name: "Suggested: same name" };

// A table on a wide screen; on a phone each step is a card whose cells name themselves.
const cell =
  "px-3 py-2 align-top max-sm:flex max-sm:items-baseline max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-sm max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]";

const people = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "person" : "people"}`;

/**
 * The move: where each step of the old version goes, who moves where, a note and the button. The
 * confirmation stays once the move is done, while the page below it shows what is left to move.
 */
export function MovePeople({ plan }: { plan: MigrationPlan }) {
  const [state, action, pending] = useActionState<ActionState<MigrationResult>, FormData>(movePeopleAction, { status: "idle" });
  return (
    <div className="space-y-6">
      {state.status === "ok" && <FormMessage state={state} />}
      {plan.from && plan.from.people > 0 ? (
        // A new preview (another version, or other people on it) starts from its own suggestions; after
        // an error the form starts again from what was sent (React resets a form once its action has run).
        <MappingForm
          key={`${plan.from.number}:${plan.fingerprint}:${state.status === "error" ? JSON.stringify(state.values) : ""}`}
          plan={plan}
          state={state}
          action={action}
          pending={pending}
        />
      ) : (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          {plan.from
            ? `Nobody is on version ${plan.from.number} of ${plan.framework.name} now.`
            : `Nobody is on an older version of ${plan.framework.name}: everyone placed on it is on version ${plan.to.number}.`}
        </p>
      )}
    </div>
  );
}

function MappingForm({
  plan,
  state,
  action,
  pending,
}: {
  plan: MigrationPlan;
  state: ActionState<MigrationResult>;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const from = plan.from!;
  const sent = state.status === "error" ? state.values : null;
  const [initial] = useState<Record<string, string>>(() =>
    Object.fromEntries(plan.oldSteps.map((s) => [s.key, sent ? (sent[`mapping.${s.key}`] ?? "") : (s.suggestion?.key ?? "")])),
  );
  // What each select shows, for the preview beside it; the selects themselves are the form's.
  const [mapping, setMapping] = useState(initial);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const newName = new Map(plan.newSteps.map((s) => [s.key, s.name]));
  const oldName = new Map(plan.oldSteps.map((s) => [s.key, s.name]));
  const unmapped = plan.oldSteps.filter((s) => s.people > 0 && !mapping[s.key]).length;
  const more = plan.movers.total - plan.movers.sample.length;
  const id = (key: string) => `map-${key}`;

  return (
    <form action={action} className="space-y-8" noValidate>
      <input type="hidden" name="frameworkKey" value={plan.framework.key} />
      <input type="hidden" name="from" value={from.number} />
      <input type="hidden" name="to" value={plan.to.number} />
      <input type="hidden" name="fingerprint" value={plan.fingerprint} />
      {state.status === "error" && <FormMessage state={state} />}

      <section aria-labelledby="steps-heading" className="space-y-3">
        <div>
          <h2 id="steps-heading" className="text-lg font-semibold text-stone-900">
            Where each step goes
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-stone-600">
            Each step of version {from.number} goes to a step of version {plan.to.number}, suggested by its key, then its name. Every step with people on it needs one.
          </p>
        </div>
        {errors.mapping && (
          <p className="text-sm text-red-700" id="mapping-error">
            {errors.mapping.join(" ")}
          </p>
        )}
        <div className="rounded-xl border border-stone-200 bg-white px-4 py-2 shadow-sm max-sm:px-3">
          <table className="w-full text-left text-sm max-sm:block">
            <caption className="sr-only">
              Steps of version {from.number} and the step of version {plan.to.number} each goes to
            </caption>
            <thead className="max-sm:sr-only">
              <tr className="text-stone-600">
                <th scope="col" className="px-3 py-2 font-medium">
                  Step in version {from.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  People
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Goes to in version {plan.to.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Time at step
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {plan.oldSteps.map((s) => {
                const chosen = mapping[s.key] ?? "";
                const stepErrors = errors[`mapping.${s.key}`];
                const hint = s.suggestion ? SUGGESTED[s.suggestion.by] : s.people > 0 ? "No match — choose" : "No match";
                return (
                  <tr key={s.key} className="border-t border-stone-200 first:border-t-0 max-sm:block max-sm:py-3">
                    <th scope="row" data-label="Step" className={`${cell} text-left font-normal`}>
                      <span className="min-w-0">
                        <span className="block font-medium text-stone-900 [overflow-wrap:anywhere]">{s.name}</span>
                        <span className="block font-mono text-xs text-stone-600 [overflow-wrap:anywhere]">{s.key}</span>
                      </span>
                    </th>
                    <td data-label="People" className={`${cell} tabular-nums`}>
                      {s.people.toLocaleString("en")}
                    </td>
                    <td data-label="Goes to" className={cell}>
                      <div className="w-full min-w-0 space-y-1 sm:min-w-56">
                        <label htmlFor={id(s.key)} className="sr-only">
                          Step in version {plan.to.number} for {s.name}
                        </label>
                        <select
                          id={id(s.key)}
                          name={`mapping.${s.key}`}
                          defaultValue={initial[s.key] ?? ""}
                          onChange={(e) => setMapping((m) => ({ ...m, [s.key]: e.target.value }))}
                          aria-invalid={!!stepErrors}
                          aria-describedby={[`${id(s.key)}-hint`, stepErrors && `${id(s.key)}-error`].filter(Boolean).join(" ")}
                          className={inputClass}
                        >
                          <option value="">{s.people > 0 ? "Choose a step" : "Nobody to move"}</option>
                          {plan.newSteps.map((n) => (
                            <option key={n.key} value={n.key}>
                              {n.name} ({n.key})
                            </option>
                          ))}
                        </select>
                        <p id={`${id(s.key)}-hint`} className={`text-xs ${!s.suggestion && s.people > 0 ? "font-medium text-amber-800" : "text-stone-600"}`}>
                          {hint}
                        </p>
                        {stepErrors && (
                          <p id={`${id(s.key)}-error`} className="text-sm text-red-700">
                            {stepErrors.join(" ")}
                          </p>
                        )}
                      </div>
                    </td>
                    <td data-label="Time at step" className={cell}>
                      {s.people === 0 || !chosen ? (
                        <span className="text-stone-500">—</span>
                      ) : keepsTimeAtStep(s.key, chosen) ? (
                        <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">Kept</span>
                      ) : (
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Starts again</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="movers-heading" className="space-y-3">
        <h2 id="movers-heading" className="text-lg font-semibold text-stone-900">
          Who moves where
        </h2>
        <p className="text-sm text-stone-700">
          {people(plan.movers.total)} {plan.movers.total === 1 ? "moves" : "move"} to version {plan.to.number}
          {more > 0 && `; the first ${plan.movers.sample.length} by name`}.
        </p>
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white text-sm shadow-sm">
          {plan.movers.sample.map((m) => {
            const to = mapping[m.stepKey];
            return (
              <li key={m.id} className="flex flex-col gap-0.5 px-4 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <span className="font-medium text-stone-900 [overflow-wrap:anywhere]">{m.name}</span>
                <span className="text-stone-700 [overflow-wrap:anywhere]">
                  {oldName.get(m.stepKey)} → {to ? newName.get(to) : <span className="font-medium text-amber-800">not chosen yet</span>}
                </span>
              </li>
            );
          })}
          {more > 0 && <li className="px-4 py-2 text-stone-600">and {people(more)} more</li>}
        </ul>
      </section>

      {plan.openCases > 0 && (
        <p className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {plan.openCases === 1 ? "One open promotion case" : `${plan.openCases} open promotion cases`} of these people{" "}
          {plan.openCases === 1 ? "was" : "were"} opened on version {from.number}. A case starts from its subject&apos;s current step, so once they
          move {plan.openCases === 1 ? "it" : "those cases"} can no longer be approved: defer or decline {plan.openCases === 1 ? "it" : "them"}, and open
          new ones from their new step.
        </p>
      )}

      <div className="max-w-2xl space-y-1">
        <label htmlFor="move-note" className="block text-sm font-medium text-stone-800">
          Note
        </label>
        <textarea
          id="move-note"
          name="note"
          rows={2}
          maxLength={PLACEMENT_NOTE_MAX}
          defaultValue={sent?.note ?? ""}
          aria-invalid={!!errors.note}
          aria-describedby={["move-note-hint", errors.note && "move-note-error"].filter(Boolean).join(" ")}
          className={inputClass}
        />
        <p id="move-note-hint" className="text-xs text-stone-600">
          Why they move, in a sentence or two. It is the note of each new placement, which everyone who may read a person&apos;s page reads.
        </p>
        {errors.note && (
          <p id="move-note-error" className="text-sm text-red-700">
            {errors.note.join(" ")}
          </p>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>{pending ? "Moving…" : `Move ${people(plan.movers.total)} to version ${plan.to.number}`}</SubmitButton>
        {unmapped > 0 && (
          <p className="text-sm text-amber-800">
            {unmapped === 1 ? "One step with people still needs" : `${unmapped} steps with people still need`} a step of version {plan.to.number}.
          </p>
        )}
      </div>
    </form>
  );
}
