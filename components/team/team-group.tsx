import type { Route } from "next";
import Link from "next/link";
import { describeGapBriefly, isGap } from "@/lib/assessments/gaps";
import {
  isOverdue,
  reviewStateLabel,
  sortedBy,
  teamHref,
  type SortKey,
  type TeamGroup,
  type TeamMember,
  type TeamQuery,
} from "@/lib/team/overview";

/**
 * One group of the team overview: a table from md up, a list of cards on a phone (no sideways
 * scrolling at 390 px). Both are built from the same small parts so they always say the same.
 */

const months = (n: number) => (n === 1 ? "1 month" : `${n} months`);

function PersonName({ m, as: Heading = "span" }: { m: TeamMember; as?: "span" | "h3" }) {
  return (
    <>
      <Heading className="font-medium">
        <Link href={`/people/${m.id}`} className="text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-path">
          {m.name}
        </Link>
      </Heading>
      {m.depth > 1 && <span className="block text-xs text-stone-600">reports to {m.manager.name}</span>}
    </>
  );
}

function StepText({ m }: { m: TeamMember }) {
  return m.step ? <>{m.step.name}</> : <span className="text-stone-500">Not placed</span>;
}

function TimeText({ m }: { m: TeamMember }) {
  if (!m.time) return <span className="text-stone-500">—</span>;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span>{months(m.time.months)}</span>
      {m.time.expected && <span className="text-xs text-stone-600">expected {m.time.expected}</span>}
      {isOverdue(m) && (
        <span className="rounded-full border border-amber-400 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">Overdue</span>
      )}
    </span>
  );
}

function Picks({ m }: { m: TeamMember }) {
  if (!m.review) return <span className="text-sm text-stone-500">Nothing submitted yet</span>;
  const { review } = m;
  return (
    <div className="space-y-1">
      <p className="text-xs text-stone-600">
        {review.cycleName}
        {review.gapCount !== null && (
          <>
            {" · "}
            <span className={review.gapCount > 0 ? "font-semibold text-amber-900" : ""}>
              {review.gapCount === 0 ? "no gaps" : review.gapCount === 1 ? "1 gap" : `${review.gapCount} gaps`}
            </span>
          </>
        )}
      </p>
      <dl className="space-y-0.5 text-xs">
        {review.picks.map((p) => (
          <div key={p.dimension}>
            <dt className="font-medium text-stone-600">{p.dimension}</dt>
            <dd className="text-stone-800">
              self {p.self ?? "—"} · mgr {p.manager ?? "—"}
              {p.self && p.manager && (
                <>
                  {" · "}
                  <span className={isGap(p.comparison) ? "font-semibold text-amber-900" : "text-emerald-800"}>{describeGapBriefly(p.comparison)}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function EvidenceLink({ m }: { m: TeamMember }) {
  return (
    <Link href={`/evidence?person=${m.id}`} className="text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-path">
      {m.evidenceCount}
      <span className="sr-only"> evidence {m.evidenceCount === 1 ? "item" : "items"} of {m.name}</span>
    </Link>
  );
}

function ReviewLink({ m, cycleId }: { m: TeamMember; cycleId: string | null }) {
  if (!m.status || !cycleId) return <span className="text-stone-500">No open cycle</span>;
  return (
    <Link href={`/people/${m.id}/assessment?cycle=${cycleId}`} className="text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-path">
      {reviewStateLabel[m.status]}
      <span className="sr-only">: review of {m.name}</span>
    </Link>
  );
}

function SortHeader({ query, sort, label, className = "" }: { query: TeamQuery; sort: SortKey; label: string; className?: string }) {
  const active = query.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 font-semibold ${className}`}>
      <Link href={teamHref(sortedBy(query, sort)) as Route} className="inline-flex items-center gap-1 rounded hover:text-stone-900 hover:underline">
        {label}
        <span aria-hidden="true" className={active ? "text-stone-900" : "text-stone-400"}>
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function TeamGroupView({ group, query, cycle }: { group: TeamGroup; query: TeamQuery; cycle: { id: string; name: string } | null }) {
  const headingId = `group-${group.id}`;
  const overdueRow = (m: TeamMember) => (isOverdue(m) ? "border-l-4 border-l-amber-400" : "border-l-4 border-l-transparent");
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-lg font-semibold text-stone-900">
        {group.title} <span className="text-sm font-normal text-stone-600">({group.members.length})</span>
      </h2>
      <div className="hidden rounded-xl border border-stone-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{group.title}</caption>
          <thead className="bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <SortHeader query={query} sort="name" label="Name" className="w-[16%]" />
              <SortHeader query={query} sort="step" label="Step" className="w-[14%]" />
              <SortHeader query={query} sort="time" label="Time at step" className="w-[15%]" />
              <SortHeader query={query} sort="gap" label="Picks and gap" />
              <SortHeader query={query} sort="evidence" label="Evidence" className="w-[8%]" />
              <th scope="col" className="w-[15%] px-3 py-2 font-semibold">
                {cycle ? cycle.name : "Review"}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {group.members.map((m) => (
              <tr key={m.id} className={`align-top ${overdueRow(m)}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <PersonName m={m} />
                </th>
                <td className="px-3 py-2">
                  <StepText m={m} />
                </td>
                <td className="px-3 py-2">
                  <TimeText m={m} />
                </td>
                <td className="px-3 py-2">
                  <Picks m={m} />
                </td>
                <td className="px-3 py-2">
                  <EvidenceLink m={m} />
                </td>
                <td className="px-3 py-2">
                  <ReviewLink m={m} cycleId={cycle?.id ?? null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden">
        {group.members.map((m) => (
          <li key={m.id} className={`rounded-xl border border-stone-200 bg-white p-4 shadow-sm ${overdueRow(m)}`}>
            <article aria-label={m.name}>
              <PersonName m={m} as="h3" />
              <dl className="mt-2 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-stone-600">Step</dt>
                <dd>
                  <StepText m={m} />
                </dd>
                <dt className="text-stone-600">Time at step</dt>
                <dd>
                  <TimeText m={m} />
                </dd>
                <dt className="text-stone-600">Evidence</dt>
                <dd>
                  <EvidenceLink m={m} />
                </dd>
                <dt className="text-stone-600">Review</dt>
                <dd>
                  <ReviewLink m={m} cycleId={cycle?.id ?? null} />
                </dd>
              </dl>
              <div className="mt-2 border-t border-stone-100 pt-2">
                <Picks m={m} />
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
