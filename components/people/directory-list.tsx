import type { CSSProperties } from "react";
import type { Route } from "next";
import Link from "next/link";
import { roleLabel } from "@/lib/auth/policy";
import { directoryHref, sortedBy, withManager, withTeam, type DirectoryQuery, type DirectorySort } from "@/lib/people/directory";
import type { DirectoryPerson } from "@/lib/data/people-directory";
import { ReviewBadge } from "./review-badge";

/**
 * One page of the people directory as one table: each person is drawn once. From lg up it is a
 * table with sortable column headers; below, the `card-rows` utility makes each row a card whose
 * lines are headed by the labels the table sets once for its columns, so a phone never scrolls
 * sideways. The person's name opens their page; their team and manager narrow the view to them.
 */

/** The look of the links, and the cells' padding and wrapping, set once on the table rather than on each of its fifty rows. */
const cells = [
  "[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_tr]:align-top",
  // Words wrap only between words (an email breaks only when it cannot fit at all), so that no column squeezes them mid-word.
  "[&_td]:break-words [&_tbody_th]:font-normal [&_tbody_th]:break-words [&_tbody_th_p]:text-sm [&_tbody_th_p]:text-stone-600 [&_td:nth-child(2)]:whitespace-nowrap",
  "[&_tbody_th_a]:font-medium [&_tbody_th_a]:text-stone-900 [&_tbody_th_a]:underline [&_tbody_th_a]:decoration-stone-300 [&_tbody_th_a]:underline-offset-2 [&_tbody_th_a:hover]:decoration-path",
  "[&_td_a]:text-stone-900 [&_td_a]:underline [&_td_a]:decoration-dotted [&_td_a]:decoration-stone-400 [&_td_a]:underline-offset-2 [&_td_a:hover]:decoration-path",
].join(" ");

/** The labels of the cards' lines, by column; the first, the person's name and email, needs none. */
const cardLabels = {
  "--card-label-2": '"Role"',
  "--card-label-3": '"Team"',
  "--card-label-4": '"Manager"',
  "--card-label-5": '"Step"',
  "--card-label-6": '"Review"',
} as CSSProperties;

const none = <span className="text-stone-500">—</span>;

const sortSign = (query: DirectoryQuery, sort: DirectorySort) => (query.sort === sort ? (query.dir === "asc" ? "▲" : "▼") : "↕");

function SortLink({ query, sort, label }: { query: DirectoryQuery; sort: DirectorySort; label: string }) {
  const active = query.sort === sort;
  return (
    <Link href={directoryHref(sortedBy(query, sort)) as Route} className="inline-flex items-center gap-1 rounded hover:text-stone-900 hover:underline">
      {label}
      <span aria-hidden="true" className={active ? "text-stone-900" : "text-stone-400"}>
        {sortSign(query, sort)}
      </span>
      <span className="sr-only">{`, sort by ${label.toLowerCase()} ${active && query.dir === "asc" ? "descending" : "ascending"}`}</span>
    </Link>
  );
}

/** A column header that sorts by one or more of its values (the first column: name, or email). */
function SortHeader({ query, sorts }: { query: DirectoryQuery; sorts: { sort: DirectorySort; label: string }[] }) {
  const active = sorts.some((s) => s.sort === query.sort);
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <span className="inline-flex flex-wrap gap-x-2">
        {sorts.map((s, i) => (
          <span key={s.sort} className="inline-flex gap-2">
            {i > 0 && <span aria-hidden="true">·</span>}
            <SortLink query={query} sort={s.sort} label={s.label} />
          </span>
        ))}
      </span>
    </th>
  );
}

export function DirectoryList({
  people,
  query,
  cycle,
  caption,
}: {
  people: DirectoryPerson[];
  query: DirectoryQuery;
  cycle: { id: string; name: string } | null;
  caption: string;
}) {
  return (
    <div className="lg:rounded-xl lg:border lg:border-stone-200 lg:bg-white lg:shadow-sm">
      <table className={`card-rows w-full text-left text-sm ${cells}`} style={cardLabels}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-xs uppercase tracking-wide text-stone-600 [&_th]:font-semibold">
          <tr>
            <SortHeader
              query={query}
              sorts={[
                { sort: "name", label: "Name" },
                { sort: "email", label: "Email" },
              ]}
            />
            <SortHeader query={query} sorts={[{ sort: "role", label: "Role" }]} />
            <SortHeader query={query} sorts={[{ sort: "team", label: "Team" }]} />
            <th scope="col">Manager</th>
            <SortHeader query={query} sorts={[{ sort: "step", label: "Step" }]} />
            <th scope="col">{cycle ? cycle.name : "Review"}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {people.map((p) => (
            <tr key={p.id} className={p.active ? undefined : "bg-stone-50"}>
              <th scope="row">
                <Link href={`/people/${p.id}`}>{p.name}</Link>
                {!p.active && <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">Deactivated</span>}
                <p>{p.email}</p>
              </th>
              <td>{roleLabel[p.role]}</td>
              <td>{p.team ? <Link href={directoryHref(withTeam(query, p.team.id)) as Route}>{p.team.name}</Link> : none}</td>
              <td>{p.manager ? <Link href={directoryHref(withManager(query, p.manager.id)) as Route}>{p.manager.name}</Link> : none}</td>
              <td>{p.step ? p.step.name : <span className="text-stone-500">Not placed</span>}</td>
              <td>{cycle ? <ReviewBadge state={p.review} /> : <span className="text-stone-500">No open cycle</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
