import type { Metadata } from "next";
import Link from "next/link";
import { DateRangeFields } from "@/components/ui/date-range";
import { inputClass } from "@/components/ui/form";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { EVIDENCE_PAGE_SIZE, listEvidencePage } from "@/lib/data/evidence";
import { getFrameworkFor } from "@/lib/data/frameworks";
import { getPerson } from "@/lib/data/people";
import { evidenceFilterSchema, evidenceKindLabel, evidenceKinds } from "@/lib/evidence/schemas";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const ownerId = typeof raw.person === "string" ? raw.person : viewer.id;
  const owner = await orNotFound(getPerson(viewer, ownerId));
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "person" && k !== "page" && typeof v === "string" && v !== ""));
  const parsed = evidenceFilterSchema.safeParse(cleaned);
  const filter = parsed.success ? parsed.data : {};
  const [{ items, total, page, pages }, version] = await Promise.all([listEvidencePage(viewer, owner.id, filter, raw.page), getFrameworkFor(viewer, owner.id)]);
  const own = owner.id === viewer.id;
  const pageHref = (n: number): "/evidence" | `/evidence?${string}` => {
    const query = new URLSearchParams({ ...(own ? {} : { person: owner.id }), ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), ...(n > 1 ? { page: String(n) } : {}) });
    return query.size > 0 ? `/evidence?${query}` : "/evidence";
  };
  const first = (page - 1) * EVIDENCE_PAGE_SIZE + 1;
  const cellName = new Map(
    (version?.cells ?? []).map((c) => [
      c.id,
      `${version!.steps.find((s) => s.id === c.stepId)?.name} · ${version!.dimensions.find((d) => d.id === c.dimensionId)?.name}`,
    ]),
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title={own ? "My evidence" : `${owner.name}'s evidence`}
        description="What was done, and the cells of the matrix it proves."
        actions={
          own && (
            <Link href="/evidence/new" className={primaryLinkClass}>
              Add evidence
            </Link>
          )
        }
      />
      <form method="get" role="search" aria-label="Evidence" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        {!own && <input type="hidden" name="person" value={owner.id} />}
        {!parsed.success && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-6">
            Some filters were not valid and were ignored.
          </p>
        )}
        <div className="space-y-1 lg:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">Search title and text</label>
          <input id="q" name="q" type="search" maxLength={200} defaultValue={filter.q ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="kind" className="block text-sm font-medium">Kind</label>
          <select id="kind" name="kind" defaultValue={filter.kind ?? ""} className={inputClass}>
            <option value="">Any</option>
            {evidenceKinds.map((k) => (
              <option key={k} value={k}>{evidenceKindLabel[k]}</option>
            ))}
          </select>
        </div>
        <DateRangeFields from={filter.from} to={filter.to} />
        <div className="space-y-1">
          <label htmlFor="cellId" className="block text-sm font-medium">Cell</label>
          <select id="cellId" name="cellId" defaultValue={filter.cellId ?? ""} className={inputClass}>
            <option value="">Any</option>
            {[...cellName].map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </div>
        <div className="flex gap-2 lg:col-span-6">
          <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">Search</button>
          <Link href={own ? "/evidence" : `/evidence?person=${owner.id}`} className="rounded-md border border-stone-300 px-3 py-2 text-sm hover:bg-stone-50">Clear</Link>
        </div>
      </form>
      <p className="text-sm text-stone-600" aria-live="polite">
        {total} {total === 1 ? "item" : "items"}
        {pages > 1 && `, ${first}–${first + items.length - 1} on this page`}
      </p>
      <ul className="space-y-3">
        {items.map((e) => (
          <li key={e.id}>
            <article aria-labelledby={`ev-${e.id}`} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`ev-${e.id}`} className="font-semibold text-stone-950">
                  {e.title}
                </h2>
                <p className="text-xs text-stone-600">
                  <span className="rounded-full bg-path-soft px-2 py-0.5 font-medium text-stone-800">{evidenceKindLabel[e.kind]}</span> · <Day value={e.occurredOn} />
                </p>
              </div>
              {e.link && (
                <a href={e.link} rel="noopener noreferrer nofollow" target="_blank" className="mt-1 inline-block break-all text-sm text-path hover:underline">
                  {e.link}
                </a>
              )}
              {e.body && (
                <div className="mt-2">
                  <Markdown>{e.body}</Markdown>
                </div>
              )}
              {e.cellIds.length > 0 && (
                <p className="mt-2 text-xs text-stone-600">Proves: {e.cellIds.map((c) => cellName.get(c) ?? "a cell of another version").join("; ")}</p>
              )}
              <Link href={`/evidence/${e.id}`} className="mt-2 inline-block text-sm font-medium text-path hover:underline">
                {e.canEdit ? "Edit" : "Open"} <span className="sr-only">{e.title}</span>
              </Link>
            </article>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-2 text-sm">
          {page > 1 && <Link className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-50" href={pageHref(page - 1)}>Newer</Link>}
          <span className="text-stone-600">Page {page} of {pages}</span>
          {page < pages && <Link className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-50" href={pageHref(page + 1)}>Older</Link>}
        </nav>
      )}
    </div>
  );
}
