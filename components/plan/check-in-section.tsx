import { Day } from "@/components/ui/day";
import type { ActionState } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/session";
import { listCheckIns, type CheckInView } from "@/lib/data/plan-check-ins";
import { CHECK_IN_QUESTIONS, feelingLabel, ratingField } from "@/lib/plan/check-ins";
import { CheckInForm } from "./check-in-form";

function CheckIn({ c }: { c: CheckInView }) {
  return (
    <article aria-labelledby={`check-in-${c.id}-heading`} data-testid="check-in" className="min-w-0 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h3 id={`check-in-${c.id}-heading`} className="text-sm font-semibold text-stone-900">
        Check-in of <Day value={c.createdAt} />
      </h3>
      <dl className="mt-3 grid gap-4 text-sm text-stone-800 md:grid-cols-2">
        {CHECK_IN_QUESTIONS.map(({ key, question }) => {
          const rating = c[ratingField(key)];
          return (
            <div key={key} className="min-w-0">
              <dt className="font-medium text-stone-900">
                {question} <span className="font-normal text-stone-600">· {rating} of 5, {feelingLabel(rating).toLowerCase()}</span>
              </dt>
              <dd className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{c[key]}</dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}

/** The half-yearly check-in on a plan: the last one, an invitation once six months have passed, and the earlier ones. */
export async function CheckInSection({ ownerId, save }: { ownerId: string; save?: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const viewer = await requireViewer();
  const log = await listCheckIns(viewer, ownerId);
  const writes = log.canEdit && save ? save : null;
  const [last, ...earlier] = log.items;
  return (
    <section aria-labelledby="check-in-heading" className="mt-8 space-y-4">
      <div>
        <h2 id="check-in-heading" className="text-lg font-semibold text-stone-900">
          Half-yearly check-in
        </h2>
        <p className="max-w-3xl text-sm text-stone-600">Am I learning, do I look forward to work, do I feel connected, am I making an impact? Asked at least every six months; most decisions are reversible.</p>
      </div>
      {writes && log.due && (
        <p role="status" data-testid="check-in-due" className="rounded-md border border-path/30 bg-path-soft/40 px-3 py-2 text-sm text-stone-900">
          {last ? "Six months have passed since your last check-in: time for a new one." : "You have not checked in yet: answer the four questions below."}
        </p>
      )}
      {!writes && log.due && <p className="text-sm text-stone-600">{last ? "The last check-in is more than six months old." : "No check-in yet."}</p>}
      {last && <CheckIn c={last} />}
      {writes && (
        <details open={log.due} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <summary className="cursor-pointer rounded-md text-sm font-medium text-path hover:underline">{log.due ? "Answer the check-in" : "Check in again"}</summary>
          <div className="mt-4">
            <CheckInForm action={writes} />
          </div>
        </details>
      )}
      {earlier.length > 0 && (
        <details>
          <summary className="cursor-pointer rounded-md text-sm font-medium text-path hover:underline">
            Earlier check-ins ({log.total - 1}
            {log.total > log.items.length && `, the newest ${earlier.length} shown`})
          </summary>
          <ol className="mt-3 space-y-3">
            {earlier.map((c) => (
              <li key={c.id}>
                <CheckIn c={c} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
