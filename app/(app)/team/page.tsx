import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TeamGroupView } from "@/components/team/team-group";
import { inputClass } from "@/components/ui/form";
import { Pager } from "@/components/ui/pager";
import { buttonLinkClass, PageHeader } from "@/components/ui/page-header";
import { canSeeTeam } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getTeamOverview, TEAM_LIMIT } from "@/lib/data/team";
import {
  groupOptions,
  isOverdue,
  NOT_PLACED,
  pageOfTeam,
  parseTeamQuery,
  reviewStateLabel,
  SORTS,
  sortLabel,
  stepOptions,
  TEAM_PAGE_SIZE,
  teamHref,
  viewTeam,
  type ReviewState,
} from "@/lib/team/overview";

export const metadata: Metadata = { title: "My team" };

function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | null; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/**
 * Everyone below the viewer, grouped by direct report: step, time at it, the latest picks of both
 * sides and their gaps, evidence and where the open cycle's review stands. The view (filters and
 * sort) lives in the URL, so it can be shared; a GET form sets it without any script.
 */
export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!canSeeTeam(viewer)) notFound();
  const [overview, raw] = await Promise.all([getTeamOverview(viewer), searchParams]);
  const query = parseTeamQuery(raw);
  const { members, cycle } = overview;
  const view = viewTeam(members, query);
  const { shown } = view;
  const { groups, page, pages } = pageOfTeam(view.groups, query.page);
  const overdue = members.filter(isOverdue).length;
  const filtered = shown !== members.length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="My team"
        description={
          members.length === 0
            ? "Everyone who reports to you, directly or through another manager."
            : `${members.length === 1 ? "1 person reports" : `${members.length} people report`} to you, directly or through another manager${overdue > 0 ? `; ${overdue} past their step's expected time` : ""}.`
        }
      />
      {members.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          Nobody reports to you yet. People appear here once an admin makes you their manager.
        </p>
      ) : (
        <>
          {/* Keyed by the view, so that its fields show the URL's view again after a navigation (Clear, a sort link). */}
          <form key={teamHref(query)} method="get" action="/team" role="search" aria-label="Filter and sort the team" className="grid grid-cols-2 items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:grid-cols-4 xl:grid-cols-8">
            <div className="col-span-2 space-y-1">
              <label htmlFor="team-q" className="block text-sm font-medium">Search by name</label>
              <input id="team-q" name="q" type="search" maxLength={100} defaultValue={query.q} className={inputClass} />
            </div>
            <FilterSelect
              id="team-step"
              name="step"
              label="Step"
              value={query.step}
              options={[{ value: "", label: "Any step" }, ...stepOptions(members).map((o) => ({ value: o.key, label: o.name })), { value: NOT_PLACED, label: "Not placed" }]}
            />
            {cycle && (
              <FilterSelect
                id="team-status"
                name="status"
                label="Review"
                value={query.status}
                options={[{ value: "", label: "Any" }, ...(Object.keys(reviewStateLabel) as ReviewState[]).map((v) => ({ value: v, label: reviewStateLabel[v] }))]}
              />
            )}
            <FilterSelect
              id="team-group"
              name="group"
              label="Group"
              value={query.group}
              options={[{ value: "", label: "All groups" }, ...groupOptions(members).map((g) => ({ value: g.id, label: g.title }))]}
            />
            <FilterSelect id="team-sort" name="sort" label="Sort by" value={query.sort} options={SORTS.map((v) => ({ value: v, label: sortLabel[v] }))} />
            <FilterSelect
              id="team-dir"
              name="dir"
              label="Order"
              value={query.dir}
              options={[
                { value: "asc", label: "Ascending" },
                { value: "desc", label: "Descending" },
              ]}
            />
            <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-3 lg:col-span-4 xl:col-span-8">
              <label className="inline-flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="size-4 accent-path" />
                Overdue only
              </label>
              <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
                Apply
              </button>
              <Link href="/team" className={buttonLinkClass}>
                Clear
              </Link>
            </div>
          </form>
          <p data-testid="team-shown" className="text-sm text-stone-600">
            {filtered ? `Showing ${shown} of ${people(members.length)}.` : `Showing all ${people(members.length)}.`}
            {pages > 1 && ` Page ${page} of ${pages}, ${TEAM_PAGE_SIZE} to a page.`}
            {overview.truncated && ` Only the first ${TEAM_LIMIT} people by name are loaded.`}
          </p>
          {groups.length === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
              Nobody matches these filters.{" "}
              <Link href="/team" className="font-medium text-path hover:underline">
                Show everyone
              </Link>
            </p>
          ) : (
            <>
              {groups.map((g) => (
                <TeamGroupView key={g.id} group={g} query={query} cycle={cycle} />
              ))}
              <Pager page={page} pages={pages} href={(p) => teamHref({ ...query, page: p })} label="Pages of the team" />
            </>
          )}
        </>
      )}
    </div>
  );
}
