import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TeamGroupView } from "@/components/team/team-group";
import { FilterSelect, inputClass, SORT_ORDER_OPTIONS } from "@/components/ui/form";
import { buttonLinkClass, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { ViewNotes } from "@/components/ui/view-notes";
import { reviewStateOptions } from "@/lib/assessments/review-state";
import { canSeeTeam } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getTeamPage } from "@/lib/data/team";
import { NOT_PLACED } from "@/lib/list-query";
import { formatCount } from "@/lib/paging";
import { isFiltered, parseTeamQuery, SORTS, sortLabel, TEAM_PAGE_SIZE, TEAM_SEARCH_MAX, teamHref, type TeamQuery } from "@/lib/team/overview";

export const metadata: Metadata = { title: "My team" };

const people = (n: number) => (n === 1 ? "1 person" : `${formatCount(n)} people`);

const PARAMETER_NAMES: Record<string, string> = { sort: "sort", dir: "order", step: "step", overdue: "overdue only", status: "review status", group: "group" };

/**
 * Everyone below the viewer, grouped by direct report, 25 to a page: step, time at it, the latest
 * picks of both sides and their gaps, evidence and where the open cycle's review stands. The view
 * (filters, sort and page) lives in the URL, so it can be shared; a GET form sets it without any
 * script, and an address out of range shows the nearest page there is.
 */
export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!canSeeTeam(viewer)) notFound();
  const { query: asked, notes } = parseTeamQuery(await searchParams);
  const team = await getTeamPage(viewer, asked);
  const { cycle, size, overdue, shown, page, pages } = team;
  const query: TeamQuery = { ...asked, page };
  const ignored = [...notes.ignored, ...(asked.status && !cycle ? ["status"] : [])].map((n) => PARAMETER_NAMES[n] ?? n);
  const knownGroup = !query.group || team.groups.some((g) => g.id === query.group);
  const knownStep = !query.step || query.step === NOT_PLACED || team.steps.some((s) => s.key === query.step);

  return (
    <div className="space-y-6">
      <PageHeader
        title="My team"
        description={
          size === 0
            ? "Everyone who reports to you, directly or through another manager."
            : `${size === 1 ? "1 person reports" : `${formatCount(size)} people report`} to you, directly or through another manager${overdue > 0 ? `; ${formatCount(overdue)} past their step's expected time` : ""}.`
        }
      />
      {size === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          Nobody reports to you yet. People appear here once an admin makes you their manager.
        </p>
      ) : (
        <>
          {/* Keyed by the view, so that its fields show the URL's view again after a navigation (Clear, a sort link). */}
          <form key={teamHref({ ...query, page: 1 })} method="get" action="/team" role="search" aria-label="Filter and sort the team" className="grid grid-cols-2 items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:grid-cols-4 xl:grid-cols-8">
            <div className="col-span-2 min-w-0 space-y-1">
              <label htmlFor="team-q" className="block text-sm font-medium">
                Search by name
              </label>
              <input id="team-q" name="q" type="search" maxLength={TEAM_SEARCH_MAX} defaultValue={query.q} className={inputClass} />
            </div>
            <FilterSelect
              id="team-step"
              name="step"
              label="Step"
              value={query.step}
              options={[
                { value: "", label: "Any step" },
                ...team.steps.map((s) => ({ value: s.key, label: s.name })),
                { value: NOT_PLACED, label: "Not placed" },
                ...(knownStep ? [] : [{ value: query.step!, label: "Another step" }]),
              ]}
            />
            {cycle && <FilterSelect id="team-status" name="status" label="Review" value={query.status} options={[{ value: "", label: "Any" }, ...reviewStateOptions]} />}
            <FilterSelect
              id="team-group"
              name="group"
              label="Group"
              value={query.group}
              options={[
                { value: "", label: "All groups" },
                ...team.groups.map((g) => ({ value: g.id, label: g.title })),
                ...(knownGroup ? [] : [{ value: query.group!, label: "Another group" }]),
              ]}
            />
            <FilterSelect id="team-sort" name="sort" label="Sort by" value={query.sort} options={SORTS.map((v) => ({ value: v, label: sortLabel[v] }))} />
            <FilterSelect id="team-dir" name="dir" label="Order" value={query.dir} options={SORT_ORDER_OPTIONS} />
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
          <ViewNotes
            testId="team-notes"
            searchCut={notes.searchCut}
            searchMax={TEAM_SEARCH_MAX}
            ignored={ignored}
            page={page}
            pages={pages}
            pageMoved={asked.page !== page && shown > 0}
          />
          <p data-testid="team-shown" className="text-sm text-stone-600">
            {isFiltered(query) ? `Showing ${formatCount(shown)} of ${people(size)}.` : `Showing all ${people(size)}.`}
            {pages > 1 && ` Page ${formatCount(page)} of ${formatCount(pages)}, ${TEAM_PAGE_SIZE} to a page.`}
          </p>
          {shown === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
              Nobody matches these filters.{" "}
              <Link href="/team" className="font-medium text-path hover:underline">
                Show everyone
              </Link>
            </p>
          ) : (
            <>
              {team.onPage.map((g) => (
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
