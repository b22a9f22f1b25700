import type { Route } from "next";
import Link from "next/link";
import { roleLabel } from "@/lib/auth/policy";
import { directoryHref, sortedBy, type DirectoryQuery, type DirectorySort } from "@/lib/people/directory";
import type { DirectoryPerson } from "@/lib/data/people-directory";
import { ReviewBadge } from "./review-badge";

/** The name link's look, set once on the list rather than on each of its fifty links. */
const nameLinks = "[&_a]:font-medium [&_a]:text-stone-900 [&_a]:underline [&_a]:decoration-stone-300 [&_a]:underline-offset-2 [&_a:hover]:decoration-path";

/**
 * One page of the people directory: a table from md up, with sortable column headers, and a list
 * of cards on a phone (no sideways scrolling at 390 px). The person's name is the one link in a
 * row; the rest reads at a glance.
 */

function NameLink({ person }: { person: DirectoryPerson }) {
  return (
    <>
      <Link href={`/people/${person.id}`}>{person.name}</Link>
      {!person.active && <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">Deactivated</span>}
    </>
  );
}

function StepText({ person }: { person: DirectoryPerson }) {
  return person.step ? <>{person.step.name}</> : <span className="text-stone-500">Not placed</span>;
}

const orNone = (text: string | undefined) => text ?? <span className="text-stone-500">—</span>;

function SortHeader({ query, sort, label, className = "" }: { query: DirectoryQuery; sort: DirectorySort; label: string; className?: string }) {
  const active = query.sort === sort;
  const next = active && query.dir === "asc" ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 font-semibold ${className}`}>
      <Link href={directoryHref(sortedBy(query, sort)) as Route} className="inline-flex items-center gap-1 rounded hover:text-stone-900 hover:underline">
        {label}
        <span aria-hidden="true" className={active ? "text-stone-900" : "text-stone-400"}>
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">, sort {next}</span>
      </Link>
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
    <>
      <div className="hidden rounded-xl border border-stone-200 bg-white shadow-sm md:block">
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <SortHeader query={query} sort="name" label="Name" className="w-[15%]" />
              <SortHeader query={query} sort="email" label="Email" className="w-[20%]" />
              <SortHeader query={query} sort="role" label="Role" className="w-[8%]" />
              <SortHeader query={query} sort="team" label="Team" className="w-[11%]" />
              <th scope="col" className="w-[13%] px-3 py-2 font-semibold">
                Manager
              </th>
              <SortHeader query={query} sort="step" label="Step" className="w-[15%]" />
              <th scope="col" className="px-3 py-2 font-semibold">
                {cycle ? cycle.name : "Review"}
              </th>
            </tr>
          </thead>
          {/* Cell padding and wrapping are set once here: fifty rows repeat nothing but their content. */}
          <tbody className={`divide-y divide-stone-200 [&_td]:px-3 [&_td]:py-2 [&_td]:break-words [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:font-normal [&_th]:break-words [&_tr]:align-top ${nameLinks}`}>
            {people.map((p) => (
              <tr key={p.id} className={p.active ? undefined : "bg-stone-50"}>
                <th scope="row">
                  <NameLink person={p} />
                </th>
                <td>{p.email}</td>
                <td>{roleLabel[p.role]}</td>
                <td>{orNone(p.team?.name)}</td>
                <td>{orNone(p.manager?.name)}</td>
                <td>
                  <StepText person={p} />
                </td>
                <td>{cycle ? <ReviewBadge state={p.review} /> : <span className="text-stone-500">No open cycle</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* The cards' look is set once here too. */}
      <ul
        aria-label={caption}
        className={`space-y-3 md:hidden [&>li]:rounded-xl [&>li]:border [&>li]:border-stone-200 [&>li]:bg-white [&>li]:p-4 [&>li]:shadow-sm [&_h2]:text-base [&_dl]:mt-2 [&_dl]:grid [&_dl]:grid-cols-[5.5rem_minmax(0,1fr)] [&_dl]:gap-x-3 [&_dl]:gap-y-1.5 [&_dl]:text-sm [&_dt]:text-stone-600 [&_dd]:break-words [&_p]:text-sm [&_p]:break-words [&_p]:text-stone-600 ${nameLinks}`}
      >
        {people.map((p) => (
          <li key={p.id} className={p.active ? undefined : "bg-stone-50!"}>
            <article aria-label={p.name}>
              <h2>
                <NameLink person={p} />
              </h2>
              <p>{p.email}</p>
              <dl>
                <dt>Role</dt>
                <dd>{roleLabel[p.role]}</dd>
                <dt>Team</dt>
                <dd>{orNone(p.team?.name)}</dd>
                <dt>Manager</dt>
                <dd>{orNone(p.manager?.name)}</dd>
                <dt>Step</dt>
                <dd>
                  <StepText person={p} />
                </dd>
                {cycle && (
                  <>
                    <dt>Review</dt>
                    <dd>
                      <ReviewBadge state={p.review} />
                    </dd>
                  </>
                )}
              </dl>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
