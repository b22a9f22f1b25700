import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DirectoryList } from "@/components/people/directory-list";
import { inputClass } from "@/components/ui/form";
import { buttonLinkClass, PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { canListPeople, canManagePeople, roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getPeopleDirectory, type DirectoryOptions } from "@/lib/data/people-directory";
import { formatCount, showingText } from "@/lib/paging";
import {
  ACTIVE_FILTERS,
  activeFilterLabel,
  DIRECTORY_SORTS,
  directoryHref,
  directorySortLabel,
  isFiltered,
  NO_TEAM,
  NOT_PLACED,
  onPage,
  parseDirectoryQuery,
  reviewBadge,
  SEARCH_MAX,
  shorterHref,
  type DirectoryQuery,
} from "@/lib/people/directory";
import type { ReviewState } from "@/lib/team/overview";

export const metadata: Metadata = { title: "People" };

type Option = { value: string; label: string };
type OptionGroup = { label: string; options: Option[] };

function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | null; options: (Option | OptionGroup)[] }) {
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {options.map((o) =>
          "options" in o ? (
            <optgroup key={o.label} label={o.label}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </div>
  );
}

/** A URL can name a team, manager or step the choices do not hold (someone else's link): the select still shows it. */
function withCurrent(options: Option[], value: string | null, label: string): Option[] {
  return value && !options.some((o) => o.value === value) ? [...options, { value, label }] : options;
}

function stepChoices(steps: DirectoryOptions["steps"], value: string | null): (Option | OptionGroup)[] {
  const frameworks = [...new Set(steps.map((s) => s.framework))];
  const grouped: (Option | OptionGroup)[] =
    frameworks.length > 1
      ? frameworks.map((f) => ({ label: f, options: steps.filter((s) => s.framework === f).map((s) => ({ value: s.key, label: s.name })) }))
      : steps.map((s) => ({ value: s.key, label: s.name }));
  const known = steps.some((s) => s.key === value) || value === NOT_PLACED;
  return [{ value: "", label: "Any step" }, ...grouped, { value: NOT_PLACED, label: "Not placed" }, ...(value && !known ? [{ value, label: "Unknown step" }] : [])];
}

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
      {/* Keyed by the view, so that its fields show the URL's view again after a navigation (Clear, a sort link). */}
      <form
        key={directoryHref({ ...query, page: 1 })}
        method="get"
        action="/people"
        role="search"
        aria-label="Search and filter people"
        className="grid grid-cols-2 items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:grid-cols-4 xl:grid-cols-6"
      >
        <div className="col-span-2 min-w-0 space-y-1">
          <label htmlFor="people-q" className="block text-sm font-medium">
            Search by name or email
          </label>
          <input id="people-q" name="q" type="search" maxLength={SEARCH_MAX} defaultValue={query.q} className={inputClass} />
        </div>
        <FilterSelect
          id="people-team"
          name="team"
          label="Team"
          value={query.team}
          options={withCurrent([{ value: "", label: "Any team" }, ...options.teams.map((t) => ({ value: t.id, label: t.name })), { value: NO_TEAM, label: "No team" }], query.team, "Unknown team")}
        />
        <FilterSelect
          id="people-role"
          name="role"
          label="Role"
          value={query.role}
          options={[{ value: "", label: "Any role" }, ...(["engineer", "manager", "admin"] as const).map((r) => ({ value: r, label: roleLabel[r] }))]}
        />
        <FilterSelect
          id="people-manager"
          name="manager"
          label="Reports to"
          value={query.manager}
          options={withCurrent(
            [{ value: "", label: "Anyone" }, ...options.managers.map((m) => ({ value: m.id, label: m.id === viewer.id ? `${m.name} (you)` : m.name }))],
            query.manager,
            "Someone else",
          )}
        />
        <FilterSelect id="people-step" name="step" label="Step" value={query.step} options={stepChoices(options.steps, query.step)} />
        {cycle && (
          <FilterSelect
            id="people-status"
            name="status"
            label="Review status"
            value={query.status}
            options={[{ value: "", label: "Any" }, ...(Object.keys(reviewBadge) as ReviewState[]).map((s) => ({ value: s, label: reviewBadge[s].label }))]}
          />
        )}
        <FilterSelect id="people-active" name="active" label="Show" value={query.active} options={ACTIVE_FILTERS.map((a) => ({ value: a, label: activeFilterLabel[a] }))} />
        <FilterSelect id="people-sort" name="sort" label="Sort by" value={query.sort} options={DIRECTORY_SORTS.map((s) => ({ value: s, label: directorySortLabel[s] }))} />
        <FilterSelect
          id="people-dir"
          name="dir"
          label="Order"
          value={query.dir}
          options={[
            { value: "asc", label: "Ascending" },
            { value: "desc", label: "Descending" },
          ]}
        />
        <div className="col-span-2 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
            Apply
          </button>
          <Link href="/people" className={buttonLinkClass}>
            Clear
          </Link>
        </div>
      </form>

      {(notes.searchCut || ignored.length > 0 || pageMoved) && (
        <div role="status" data-testid="directory-notes" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {notes.searchCut && <p>The search was longer than {SEARCH_MAX} characters: only its first {SEARCH_MAX} are searched for.</p>}
          {ignored.length > 0 && <p>Left out of this view, as the address gave no valid value for them: {ignored.join(", ")}.</p>}
          {pageMoved && (
            <p>
              There {pages === 1 ? "is only 1 page" : `are only ${formatCount(pages)} pages`}: showing page {formatCount(page)}.
            </p>
          )}
        </div>
      )}

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
          <p data-testid="directory-shown" className="text-sm text-stone-600">
            {pages > 1
              ? `${showingText({ page, total, pageSize: directory.pageSize })} people${isFiltered(query) ? " matching this view" : ""}.`
              : isFiltered(query)
                ? `${formatCount(total)} ${total === 1 ? "person matches" : "people match"} this view.`
                : `${formatCount(total)} ${total === 1 ? "person" : "people"}.`}
          </p>
          <DirectoryList people={people} query={query} cycle={cycle} caption={`${title}, page ${page} of ${pages}`} />
          <Pager page={page} pages={pages} href={(p) => directoryHref(onPage(query, p)) as Route} label={`Pages of ${title.toLowerCase()}`} />
        </>
      )}
    </div>
  );
}
