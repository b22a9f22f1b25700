import { Day } from "@/components/ui/day";
import type { ActionState } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/session";
import { listExperiments, type ExperimentView } from "@/lib/data/plan-experiments";
import { isoDate } from "@/lib/dates";
import { addDays, durationLabel, EXPERIMENT_DAYS, startRange } from "@/lib/plan/experiments";
import { ExperimentCloseForm, ExperimentForm } from "./experiment-forms";

/** What people wrote, as text: line breaks kept, nothing read as markup. */
function Text({ children }: { children: string }) {
  return <p className="whitespace-pre-line [overflow-wrap:anywhere]">{children}</p>;
}

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
/** The owner's forms' actions: given on /plan, left out where the log is read. */
export type ExperimentActions = { create: Action; update: Action; close: Action };

const summaryClass = "cursor-pointer rounded-md text-sm font-medium text-path hover:underline";

function Experiment({ e, actions, range }: { e: ExperimentView; actions: ExperimentActions | null; range: { min: string; max: string } }) {
  const headingId = `experiment-${e.id}-heading`;
  const parts: [string, string][] = [
    ["Actions", e.actions],
    ["Success metrics", e.metrics],
    ["Rollback criteria", e.rollback],
    ...(e.closedAt ? ([["Outcome", e.outcome], ["Next step", e.nextStep]] as [string, string][]) : []),
  ];
  return (
    <li>
      <article aria-labelledby={headingId} data-testid="experiment" className={`min-w-0 rounded-xl border bg-white p-5 shadow-sm ${e.overdue ? "border-amber-400" : "border-stone-200"}`}>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-semibold uppercase tracking-wide">
          {e.closedAt ? <span className="text-stone-600">Closed</span> : e.overdue ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">Overdue</span> : <span className="text-path">Open</span>}
          <span className="font-normal normal-case tracking-normal text-stone-600">
            <Day value={e.startsOn} /> to <Day value={e.endsOn} /> · {durationLabel(e.startsOn, e.endsOn)}
            {e.closedAt && (
              <>
                {" "}
                · closed <Day value={e.closedAt} />
              </>
            )}
          </span>
        </p>
        <h3 id={headingId} className="mt-2 text-base font-semibold text-stone-950 [overflow-wrap:anywhere]">
          {e.hypothesis}
        </h3>
        {e.overdue && <p className="mt-1 text-sm text-amber-900">Its end date has passed: close it with what it showed and what comes next.</p>}
        <dl className="mt-3 grid gap-3 text-sm text-stone-800 md:grid-cols-3">
          {parts
            .filter(([, text]) => text)
            .map(([term, text]) => (
              <div key={term} className="min-w-0">
                <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{term}</dt>
                <dd className="mt-1">
                  <Text>{text}</Text>
                </dd>
              </div>
            ))}
        </dl>
        {actions && !e.closedAt && (
          <div className="mt-4 space-y-3 border-t border-stone-100 pt-3">
            <details open={e.overdue}>
              <summary className={summaryClass}>Close this experiment</summary>
              <div className="mt-3">
                <ExperimentCloseForm action={actions.close} id={e.id} revision={e.revision} />
              </div>
            </details>
            <details>
              <summary className={summaryClass}>Change this experiment</summary>
              <div className="mt-3">
                <ExperimentForm action={actions.update} experiment={e} editing={{ id: e.id, revision: e.revision }} startRange={range} />
              </div>
            </details>
          </div>
        )}
      </article>
    </li>
  );
}

/** A person's experiment log on their plan: the newest first, overdue ones flagged; the owner logs, changes and closes them. */
export async function ExperimentsSection({ ownerId, actions }: { ownerId: string; actions?: ExperimentActions }) {
  const viewer = await requireViewer();
  const log = await listExperiments(viewer, ownerId);
  const mine = log.canEdit && actions ? actions : null;
  const today = isoDate(new Date());
  const range = startRange(today);
  return (
    <section aria-labelledby="experiments-heading" className="mt-8 space-y-4">
      <div>
        <h2 id="experiments-heading" className="text-lg font-semibold text-stone-900">
          Experiments
        </h2>
        <p className="max-w-3xl text-sm text-stone-600">
          Career moves tried for eight to twelve weeks, each with what would make it worth keeping and what would turn it back.
          {log.total > log.items.length && ` The newest ${log.items.length} of ${log.total}.`}
        </p>
      </div>
      {log.overdue > 0 && (
        <p role="status" data-testid="overdue-notice" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {log.overdue === 1 ? "One experiment is" : `${log.overdue} experiments are`} past {log.overdue === 1 ? "its" : "their"} end date and still open.
        </p>
      )}
      {mine && (
        <details open={log.total === 0} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <summary className={summaryClass}>Log an experiment</summary>
          <div className="mt-4">
            <ExperimentForm action={mine.create} experiment={{ hypothesis: "", startsOn: today, endsOn: addDays(today, EXPERIMENT_DAYS.suggested), actions: "", metrics: "", rollback: "" }} startRange={range} />
          </div>
        </details>
      )}
      {log.items.length === 0 ? (
        <p className="text-sm text-stone-600">No experiments yet.</p>
      ) : (
        <ol className="space-y-4" aria-label={`Experiments, newest first (${log.total})`}>
          {log.items.map((e) => (
            <Experiment key={e.id} e={e} actions={mine} range={range} />
          ))}
        </ol>
      )}
    </section>
  );
}
