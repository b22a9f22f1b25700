import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEvent } from "@/components/audit/audit-event";
import { Pagination } from "@/components/audit/pagination";
import { DateRangeFields } from "@/components/ui/date-range";
import { inputClass } from "@/components/ui/form";
import { buttonLinkClass, PageHeader } from "@/components/ui/page-header";
import { AUDIT_ENTITY_TYPES, auditActionGroups } from "@/lib/audit/describe";
import { AUDIT_SORTS, auditHref, isFiltered, parseAuditQuery, PERSON_SEARCH_MAX, showingLine, type AuditFilter } from "@/lib/audit/query";
import { canReadAuditLog } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listAuditEvents, PERSON_MATCHES, type AuditPage, type AuditPerson } from "@/lib/data/audit";

export const metadata: Metadata = { title: "Audit log" };

const label = "block text-sm font-medium";

/**
 * Every change to HR data, newest first, 50 to a page, in words. The view lives in the URL and a
 * GET form sets it, so it works without script and can be shared.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!canReadAuditLog(viewer)) notFound();
  const { filter, problems } = parseAuditQuery(await searchParams);
  const log = await listAuditEvents(viewer, filter);
  const view: AuditFilter = { ...filter, page: log.page };
  const hrefFor = (change: Partial<AuditFilter>) => auditHref({ ...view, ...change }) as Route;
  if (filter.page && filter.page > log.page) problems.push(`There ${log.pages === 1 ? "is 1 page" : `are ${log.pages.toLocaleString("en-GB")} pages`}: this is the last one.`);

  return (
    <div className="space-y-5">
      <PageHeader title="Audit log" description="Every change to people, teams, frameworks, reviews, growth plans and promotion decisions: who made it, when, and what changed." />
      {/* Keyed by the view, so that its fields show the URL's view again after a navigation (Clear, a person's link). */}
      <form
        key={auditHref(view)}
        method="get"
        action="/audit"
        role="search"
        aria-label="Filter the audit log"
        className="grid grid-cols-2 items-start gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:grid-cols-6"
      >
        <div className="col-span-2 space-y-1">
          <label htmlFor="audit-q" className={label}>
            Person
          </label>
          {log.person && !filter.q && <input type="hidden" name="person" value={log.person.id} />}
          <input
            id="audit-q"
            name="q"
            type="search"
            maxLength={PERSON_SEARCH_MAX}
            defaultValue={filter.q ?? ""}
            placeholder={log.person ? "Search for someone else" : "Name or email"}
            aria-describedby="audit-q-hint"
            className={inputClass}
          />
          <p id="audit-q-hint" className="text-xs text-stone-600">
            Events they made, and events about them.
          </p>
        </div>
        <div className="col-span-2 space-y-1">
          <label htmlFor="audit-action" className={label}>
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {auditActionGroups().map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.actions.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="col-span-2 space-y-1">
          <label htmlFor="audit-type" className={label}>
            Concerning
          </label>
          <select id="audit-type" name="type" defaultValue={filter.entityType ?? ""} className={inputClass}>
            <option value="">Anything</option>
            {Object.entries(AUDIT_ENTITY_TYPES).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFields from={filter.from} to={filter.to} />
        <div className="space-y-1">
          <label htmlFor="audit-sort" className={label}>
            Order
          </label>
          <select id="audit-sort" name="sort" defaultValue={log.sort} className={inputClass}>
            {Object.entries(AUDIT_SORTS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-2 self-end lg:col-span-2">
          <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
            Apply
          </button>
          <Link href="/audit" className={buttonLinkClass}>
            Clear
          </Link>
        </div>
      </form>

      {problems.length > 0 && (
        <div role="status" data-testid="audit-problems" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 [overflow-wrap:anywhere]">
          <ul className="space-y-0.5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <PersonNarrowing log={log} filter={filter} hrefFor={hrefFor} />

      <p data-testid="audit-showing" className="text-sm text-stone-700">
        {showingLine({ ...log, shown: log.events.length })}
        {log.pages > 1 && ` · page ${log.page.toLocaleString("en-GB")}${log.exact ? ` of ${log.pages.toLocaleString("en-GB")}` : ""}`}
        {log.sort === "oldest" ? ", oldest first." : ", newest first."}
      </p>

      {log.events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {isFiltered(filter) ? (
            <>
              Nothing in the log matches this view.{" "}
              <Link href="/audit" className="font-medium text-path hover:underline">
                Show the whole log
              </Link>
            </>
          ) : (
            "Nothing has been recorded yet."
          )}
        </p>
      ) : (
        <section aria-labelledby="audit-events-heading" className="rounded-xl border border-stone-200 bg-white shadow-sm">
          <h2 id="audit-events-heading" className="sr-only">
            Events
          </h2>
          <ol className="divide-y divide-stone-200">
            {log.events.map((e) => (
              <AuditEvent key={e.id} event={e} />
            ))}
          </ol>
        </section>
      )}

      <Pagination page={log.page} pages={log.pages} lastKnown={log.exact} href={(page) => hrefFor({ page })} label="Pages of the audit log" />
    </div>
  );
}

function personLabel(p: AuditPerson): string {
  return `${p.name} (${p.email})${p.active ? "" : ", deactivated"}`;
}

/** Who the log is narrowed to: the chosen person, or the people a search matched, each a link to their events alone. */
function PersonNarrowing({ log, filter, hrefFor }: { log: AuditPage; filter: AuditFilter; hrefFor: (change: Partial<AuditFilter>) => Route }) {
  if (filter.q && log.matches) {
    if (log.matches.length === 0) {
      return (
        <p data-testid="audit-people" className="text-sm text-stone-700 [overflow-wrap:anywhere]">
          Nobody’s name or email contains “{filter.q}”.
        </p>
      );
    }
    return (
      <section aria-labelledby="audit-people-heading" data-testid="audit-people" className="space-y-2 text-sm [overflow-wrap:anywhere]">
        <h2 id="audit-people-heading" className="font-medium text-stone-800">
          {log.moreMatches
            ? `More than ${PERSON_MATCHES} people match “${filter.q}”: the log shows the first ${PERSON_MATCHES}. Type more of a name or an email, or pick one:`
            : `${log.matches.length === 1 ? "One person matches" : `${log.matches.length} people match`} “${filter.q}”: the log shows their events. Pick one to see theirs alone:`}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {log.matches.map((p) => (
            <li key={p.id}>
              <Link href={hrefFor({ q: undefined, personId: p.id, page: 1 })} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">
                <span className="font-medium text-stone-900">{p.name}</span> <span className="text-stone-600">{p.email}</span>
                {!p.active && <span className="text-stone-600"> (deactivated)</span>}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (filter.personId) {
    return (
      <p data-testid="audit-people" className="flex flex-wrap items-center gap-2 text-sm [overflow-wrap:anywhere]">
        {log.person ? (
          <>
            <span className="text-stone-700">Events by or about</span>{" "}
            <Link href={`/people/${log.person.id}`} className="rounded-full bg-path-soft px-3 py-1 font-medium text-stone-900 hover:underline">
              {personLabel(log.person)}
            </Link>{" "}
          </>
        ) : (
          <span className="text-stone-700">Nobody has the id in this link, so no events are shown.</span>
        )}{" "}
        <Link href={hrefFor({ personId: undefined, page: 1 })} className="font-medium text-path hover:underline">
          Everyone’s events
        </Link>
      </p>
    );
  }
  return null;
}
