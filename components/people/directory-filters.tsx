import type { Route } from "next";
import Link from "next/link";
import { FilterSelect, inputClass, SORT_ORDER_OPTIONS, type Option, type OptionGroup } from "@/components/ui/form";
import { buttonLinkClass } from "@/components/ui/page-header";
import { reviewStateOptions } from "@/lib/assessments/review-state";
import { roleLabel } from "@/lib/auth/policy";
import type { DirectoryFilterName, DirectoryOptions, FilterChoices } from "@/lib/data/people-directory";
import { NOT_PLACED } from "@/lib/list-query";
import {
  ACTIVE_FILTERS,
  activeFilterLabel,
  DIRECTORY_SORTS,
  directoryHref,
  directorySortLabel,
  NO_TEAM,
  SEARCH_MAX,
  withManager,
  withTeam,
  type DirectoryQuery,
} from "@/lib/people/directory";

/**
 * The directory's search and filters: a GET form, so it all works without scripts and the view is
 * in the URL. Teams and managers are not listed as choices (an organisation has hundreds): each is
 * set by typing part of its name, which the server matches, or from a row of the list, and then
 * shows as a chip that removes it.
 */

const labelClass = "block text-sm font-medium";
const quickLinkClass = "font-medium text-path hover:underline";

function stepChoices(steps: DirectoryOptions["steps"], value: string | null): (Option | OptionGroup)[] {
  const frameworks = [...new Set(steps.map((s) => s.framework))];
  const grouped: (Option | OptionGroup)[] =
    frameworks.length > 1
      ? frameworks.map((f) => ({ label: f, options: steps.filter((s) => s.framework === f).map((s) => ({ value: s.key, label: s.name })) }))
      : steps.map((s) => ({ value: s.key, label: s.name }));
  const known = steps.some((s) => s.key === value) || value === NOT_PLACED;
  return [{ value: "", label: "Any step" }, ...grouped, { value: NOT_PLACED, label: "Not placed" }, ...(value && !known ? [{ value, label: "Unknown step" }] : [])];
}

/** A filter that is set: its value as a chip, a link that removes it, and the value kept for the next Apply. */
function Chip({ id, name, label, value, text, removeHref }: { id: string; name: string; label: string; value: string; text: string; removeHref: string }) {
  return (
    <div role="group" aria-labelledby={id} className="min-w-0 space-y-1">
      <p id={id} className={labelClass}>
        {label}
      </p>
      <input type="hidden" name={name} value={value} />
      <p className="flex min-h-[2.375rem] items-center">
        <span className="inline-flex min-w-0 max-w-full items-center gap-1 rounded-full border border-path/40 bg-path-soft py-0.5 pr-0.5 pl-3 text-sm font-medium text-stone-900">
          <span data-testid={`${name}-chip`} className="truncate">
            {text}
          </span>
          <Link href={removeHref as Route} className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-white hover:text-stone-950">
            <span aria-hidden="true">✕</span>
            <span className="sr-only">
              Remove the filter {label}: {text}
            </span>
          </Link>
        </span>
      </p>
    </div>
  );
}

/** A filter not set yet: a search for it by name, and the one-click choices beside it. */
function FilterSearch({ id, name, label, value, quick }: { id: string; name: string; label: string; value: string; quick: { href: string; text: string }[] }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} name={name} type="search" maxLength={SEARCH_MAX} defaultValue={value} placeholder="Part of a name" aria-describedby={`${id}-quick`} className={inputClass} />
      <p id={`${id}-quick`} className="text-xs text-stone-600">
        {quick.length > 0 ? "Or: " : "Type part of a name and apply."}
        {quick.map((q, i) => (
          <span key={q.href}>
            {i > 0 && " · "}
            <Link href={q.href as Route} className={quickLinkClass}>
              {q.text}
            </Link>
          </span>
        ))}
      </p>
    </div>
  );
}

/** What a search for a team or manager found, to choose from; the search stays in its field to be changed. */
function ChoiceList({ id, search, choices, what, href }: { id: string; search: string; choices: FilterChoices; what: { one: string; many: string }; href: (id: string) => string }) {
  return (
    <section aria-labelledby={id} data-testid={id} className="col-span-full rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
      <h2 id={id} className="font-medium">
        {choices.matches.length === 0 ? `No ${what.one}’s name holds “${search}”.` : `${what.many} whose name holds “${search}”: choose one`}
      </h2>
      {choices.matches.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2">
          {choices.matches.map((m) => (
            <li key={m.id}>
              <Link href={href(m.id) as Route} className="inline-flex rounded-full border border-stone-300 bg-white px-3 py-1 font-medium text-stone-900 hover:border-path hover:text-path">
                {m.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {choices.more && <p className="mt-2 text-stone-600">More match: type more of the name to narrow them.</p>}
    </section>
  );
}

export type DirectoryFiltersProps = {
  query: DirectoryQuery;
  viewer: { id: string; hasReports: boolean };
  filters: { team: DirectoryFilterName | null; manager: DirectoryFilterName | null };
  choices: { team: FilterChoices | null; manager: FilterChoices | null };
  steps: DirectoryOptions["steps"];
  /** Whether a review cycle is open, so that there are review statuses to filter by. */
  reviewing: boolean;
};

export function DirectoryFilters({ query, viewer, filters, choices, steps, reviewing }: DirectoryFiltersProps) {
  const teamText = query.team === NO_TEAM ? "No team" : (filters.team?.name ?? "Unknown team");
  const managerText = query.manager === viewer.id ? "Me" : (filters.manager?.name ?? "Unknown person");
  return (
    // Keyed by the view, so that its fields show the URL's view again after a navigation (Clear, a sort link).
    <form
      key={directoryHref({ ...query, page: 1 })}
      method="get"
      action="/people"
      role="search"
      aria-label="Search and filter people"
      className="grid grid-cols-2 items-start gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:grid-cols-4 xl:grid-cols-6"
    >
      <div className="col-span-2 min-w-0 space-y-1">
        <label htmlFor="people-q" className={labelClass}>
          Search by name or email
        </label>
        <input id="people-q" name="q" type="search" maxLength={SEARCH_MAX} defaultValue={query.q} className={inputClass} />
      </div>
      {query.team ? (
        <Chip id="people-team" name="team" label="Team" value={query.team} text={teamText} removeHref={directoryHref(withTeam(query, null))} />
      ) : (
        <FilterSearch id="people-team" name="teamq" label="Team" value={query.teamSearch} quick={[{ href: directoryHref(withTeam(query, NO_TEAM)), text: "No team" }]} />
      )}
      {query.manager ? (
        <Chip id="people-manager" name="manager" label="Reports to" value={query.manager} text={managerText} removeHref={directoryHref(withManager(query, null))} />
      ) : (
        <FilterSearch
          id="people-manager"
          name="managerq"
          label="Reports to"
          value={query.managerSearch}
          quick={viewer.hasReports ? [{ href: directoryHref(withManager(query, viewer.id)), text: "Me" }] : []}
        />
      )}
      {choices.team && (
        <ChoiceList id="team-choices" search={query.teamSearch} choices={choices.team} what={{ one: "team", many: "Teams" }} href={(id) => directoryHref(withTeam(query, id))} />
      )}
      {choices.manager && (
        <ChoiceList
          id="manager-choices"
          search={query.managerSearch}
          choices={choices.manager}
          what={{ one: "manager", many: "Managers" }}
          href={(id) => directoryHref(withManager(query, id))}
        />
      )}
      <FilterSelect
        id="people-role"
        name="role"
        label="Role"
        value={query.role}
        options={[{ value: "", label: "Any role" }, ...(["engineer", "manager", "admin"] as const).map((r) => ({ value: r, label: roleLabel[r] }))]}
      />
      <FilterSelect id="people-step" name="step" label="Step" value={query.step} options={stepChoices(steps, query.step)} />
      {reviewing && (
        <FilterSelect
          id="people-status"
          name="status"
          label="Review status"
          value={query.status}
          options={[{ value: "", label: "Any" }, ...reviewStateOptions]}
        />
      )}
      <FilterSelect id="people-active" name="active" label="Show" value={query.active} options={ACTIVE_FILTERS.map((a) => ({ value: a, label: activeFilterLabel[a] }))} />
      <FilterSelect id="people-sort" name="sort" label="Sort by" value={query.sort} options={DIRECTORY_SORTS.map((s) => ({ value: s, label: directorySortLabel[s] }))} />
      <FilterSelect id="people-dir" name="dir" label="Order" value={query.dir} options={SORT_ORDER_OPTIONS} />
      <div className="col-span-2 flex flex-wrap items-center gap-3 self-end">
        <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
          Apply
        </button>
        <Link href="/people" className={buttonLinkClass}>
          Clear
        </Link>
      </div>
    </form>
  );
}
