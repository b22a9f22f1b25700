import type { Route } from "next";
import Link from "next/link";
import { ReviewBadge } from "@/components/people/review-badge";
import { describeGapBriefly, isGap } from "@/lib/assessments/gaps";
import { isOverdue, sortedBy, teamHref, type SortKey, type TeamGroup, type TeamMember, type TeamQuery } from "@/lib/team/overview";

/**
 * One group of the team overview as one table, each person drawn once as a row: from md up a
 * table, on a phone a card per row (app/globals.css, `.tm`), so that nothing scrolls sideways at
 * 390 px. A row carries its content and hardly any class of its own: the page sends every row twice.
 */

const months = (n: number) => (n === 1 ? "1 month" : `${n} months`);
const gaps = (n: number) => (n === 0 ? "no gaps" : n === 1 ? "1 gap" : `${n} gaps`);

function TimeText({ m }: { m: TeamMember }) {
  if (!m.time) return <span className="n">—</span>;
  return (
    <>
      {months(m.time.months)}
      {isOverdue(m) && <span className="od">Overdue</span>}
      {m.time.expected && <small>{`expected ${m.time.expected}`}</small>}
    </>
  );
}

function Picks({ review }: { review: TeamMember["review"] }) {
  if (!review) return <span className="n">Nothing submitted yet</span>;
  return (
    <>
      <p>
        {review.gapCount === null ? (
          review.cycleName
        ) : (
          <>
            {`${review.cycleName} · `}
            <span className={review.gapCount > 0 ? "g" : undefined}>{gaps(review.gapCount)}</span>
          </>
        )}
      </p>
      {/* Each text one string and no wrapper per dimension: every node here is sent twice for each person. */}
      <dl>
        {review.picks.flatMap((p, i) => {
          const both = p.self !== null && p.manager !== null;
          return [
            <dt key={`t${i}`}>{p.dimension}</dt>,
            <dd key={`d${i}`}>
              {`self ${p.self ?? "—"} · mgr ${p.manager ?? "—"}${both ? " · " : ""}`}
              {both && <span className={isGap(p.comparison) ? "g" : "a"}>{describeGapBriefly(p.comparison)}</span>}
            </dd>,
          ];
        })}
      </dl>
    </>
  );
}

function Review({ m, cycleId }: { m: TeamMember; cycleId: string | null }) {
  if (!cycleId) return <span className="n">No open cycle</span>;
  if (!m.status) return <ReviewBadge state={null} />;
  return (
    <Link href={`/people/${m.id}/assessment?cycle=${cycleId}`}>
      <ReviewBadge state={m.status} />
      <span className="sr-only">{`: review of ${m.name}`}</span>
    </Link>
  );
}

function Row({ m, cycleId }: { m: TeamMember; cycleId: string | null }) {
  return (
    <tr {...(isOverdue(m) && { className: "o" })}>
      <th scope="row">
        <Link href={`/people/${m.id}`}>{m.name}</Link>
        {m.depth > 1 && <small>{`reports to ${m.manager.name}`}</small>}
      </th>
      <td>{m.step ? m.step.name : <span className="n">Not placed</span>}</td>
      <td>
        <TimeText m={m} />
      </td>
      <td>
        <Picks review={m.review} />
      </td>
      <td>
        <Link href={`/evidence?person=${m.id}`}>
          {m.evidenceCount}
          <span className="sr-only">{` evidence ${m.evidenceCount === 1 ? "item" : "items"} of ${m.name}`}</span>
        </Link>
      </td>
      <td>
        <Review m={m} cycleId={cycleId} />
      </td>
    </tr>
  );
}

function SortHeader({ query, sort, label, className }: { query: TeamQuery; sort: SortKey; label: string; className?: string }) {
  const active = query.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
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
  const split = group.members.length < group.total;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-lg font-semibold text-stone-900">
        {group.title}{" "}
        <span className="text-sm font-normal text-stone-600">{split ? `· ${group.members.length} of ${group.total} on this page` : `(${group.total})`}</span>
      </h2>
      <div className="tm-box">
        <table className="tm">
          <caption className="sr-only">{group.title}</caption>
          <thead>
            <tr>
              <SortHeader query={query} sort="name" label="Name" className="w-[14%]" />
              <SortHeader query={query} sort="step" label="Step" className="w-[13%]" />
              <SortHeader query={query} sort="time" label="Time at step" className="w-[15%]" />
              <SortHeader query={query} sort="gap" label="Picks and gap" />
              <SortHeader query={query} sort="evidence" label="Evidence" className="w-[8%]" />
              <th scope="col" className="w-[18%]">
                {cycle ? cycle.name : "Review"}
              </th>
            </tr>
          </thead>
          <tbody>
            {group.members.map((m) => (
              <Row key={m.id} m={m} cycleId={cycle?.id ?? null} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
