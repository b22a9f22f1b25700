import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DirectoryFilters } from "@/components/people/directory-filters";
import { DirectoryList } from "@/components/people/directory-list";
import { buttonLinkClass, PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { ViewNotes } from "@/components/ui/view-notes";
import { canListPeople, canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { findDirectoryChoices, getPeopleDirectory } from "@/lib/data/people-directory";
import { formatCount, showingText } from "@/lib/paging";
import {
  directoryHref,
  isFiltered,
  onPage,
  parseDirectoryQuery,
  SEARCH_MAX,
  settledChoice,
  shorterHref,
  withManager,
  withTeam,
  type DirectoryQuery,
} from "@/lib/people/directory";

export const metadata: Metadata = { title: "People" };

const PARAMETER_NAMES: Record<string, string> = {
  team: "team",
  role: "role",
  manager: "manager",
  step: "step",
  status: "review status",
  active: "who to show",
  sort: "sort",
  dir: "order",
};

/**
 * Everyone the viewer may list, fifty to a page: search, filters and sort live in the URL (a GET
 * form, so it all works without scripts, and a view can be shared), and a page out of range shows
 * the nearest page there is.
 */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!canListPeople(viewer)) notFound();
  const admin = canManagePeople(viewer);
  const raw = await searchParams;
  const shorter = shorterHref(raw);
  if (shorter) redirect(shorter as Route);
  const { query: asked, notes } = parseDirectoryQuery(raw);
  // A team or manager typed by name: a search that settles on one match sets the filter at once;
  // otherwise its matches are offered to choose from.
  const choices = asked.teamSearch || asked.managerSearch ? await findDirectoryChoices(viewer, { team: asked.teamSearch, manager: asked.managerSearch }) : { team: null, manager: null };
  const team = choices.team && settledChoice(asked.teamSearch, choices.team.matches);
  const manager = choices.manager && settledChoice(asked.managerSearch, choices.manager.matches);
  if ((team || manager) && !notes.searchCut) {
    const settled = manager ? withManager(asked, manager.id) : asked;
    redirect(directoryHref(team ? withTeam(settled, team.id) : settled) as Route);
  }
  const directory = await getPeopleDirectory(viewer, asked);
  const { people, total, page, pages, cycle, options } = directory;
  const query: DirectoryQuery = { ...asked, page };
  const title = admin ? "People" : "My reports";
  const ignored = [...notes.ignored, ...(asked.status && !cycle ? ["status"] : [])].map((n) => PARAMETER_NAMES[n] ?? n);
  const pageMoved = asked.page !== page && total > 0;

  return (
    <div className="space-y-5">
      <PageHeader
        title={title}
        description={admin ? "Everyone in the organisation: roles, reporting lines, teams and steps." : "Everyone who reports to you, directly or through another manager."}
        actions={
          admin && (
            <>
              <Link href="/people/import" className={buttonLinkClass}>
                Import CSV
              </Link>
              <a href="/people/export" className={buttonLinkClass} download>
                Export CSV
              </a>
              <Link href="/people/new" className={primaryLinkClass}>
                Add person
              </Link>
            </>
          )
        }
      />
      <DirectoryFilters
        query={query}
        viewer={{ id: viewer.id, hasReports: viewer.hasReports }}
        filters={directory.filters}
        choices={choices}
        steps={options.steps}
        reviewing={cycle !== null}
      />

      <ViewNotes testId="directory-notes" searchCut={notes.searchCut} searchMax={SEARCH_MAX} ignored={ignored} page={page} pages={pages} pageMoved={pageMoved} />

      {total === 0 ? (
        isFiltered(query) ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
            Nobody matches this search and these filters.{" "}
            <Link href="/people" className="font-medium text-path hover:underline">
              Show everyone
            </Link>
          </p>
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
            {admin ? "Nobody is here yet." : "Nobody reports to you yet. People appear here once an admin makes you their manager."}
          </p>
        )
      ) : (
        <>
          <div className="flex flex-wrap justify-between gap-x-6 gap-y-1 text-sm text-stone-600">
            <p data-testid="directory-shown">
              {pages > 1
                ? `${showingText({ page, total, pageSize: directory.pageSize })} people${isFiltered(query) ? " matching this view" : ""}.`
                : isFiltered(query)
                  ? `${formatCount(total)} ${total === 1 ? "person matches" : "people match"} this view.`
                  : `${formatCount(total)} ${total === 1 ? "person" : "people"}.`}
            </p>
            <p>A team or a manager in the list narrows the view to them.</p>
          </div>
          <DirectoryList people={people} query={query} cycle={cycle} caption={`${title}, page ${page} of ${pages}`} />
          <Pager page={page} pages={pages} href={(p) => directoryHref(onPage(query, p)) as Route} label={`Pages of ${title.toLowerCase()}`} />
        </>
      )}
    </div>
  );
}
