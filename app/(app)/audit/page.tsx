import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateRangeFields } from "@/components/ui/date-range";
import { inputClass } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { canReadAuditLog } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listAuditEvents, type AuditFilter } from "@/lib/data/audit";
import { listPeople } from "@/lib/data/people";
import { auditFilterSchema, auditQuery } from "@/lib/people/audit-filter";

export const metadata: Metadata = { title: "Audit log" };

const ENTITY_TYPES = [
  ["user", "People"],
  ["team", "Teams"],
  ["framework_version", "Framework versions"],
  ["placement", "Placements"],
];

function describeChange(value: unknown): string {
  if (value === null || value === undefined) return "";
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v === null ? "none" : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!canReadAuditLog(viewer)) notFound();
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const [{ events, total, page, pages }, people] = await Promise.all([listAuditEvents(viewer, filter), listPeople(viewer)]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));

  return (
    <div className="space-y-5">
      <PageHeader title="Audit log" description="Every change to people, teams and (later) frameworks, assessments and decisions: who, what, when, before and after." />
      <form method="get" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        {!parsed.success && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-5">
            Some filters were not valid and were ignored.
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="personId" className="block text-sm font-medium">Person</label>
          <select id="personId" name="personId" defaultValue={filter.personId ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="entityType" className="block text-sm font-medium">Concerning</label>
          <select id="entityType" name="entityType" defaultValue={filter.entityType ?? ""} className={inputClass}>
            <option value="">Anything</option>
            {ENTITY_TYPES.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <DateRangeFields from={filter.from} to={filter.to} />
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">Filter</button>
          <Link href="/audit" className="rounded-md border border-stone-300 px-3 py-2 text-sm hover:bg-stone-50">Clear</Link>
        </div>
      </form>
      <p className="text-sm text-stone-600" aria-live="polite">
        {total} {total === 1 ? "event" : "events"}
        {pages > 1 && ` · page ${page} of ${pages}`}
      </p>
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">When (UTC)</th>
              <th scope="col" className="px-4 py-2 font-semibold">Who</th>
              <th scope="col" className="px-4 py-2 font-semibold">What</th>
              <th scope="col" className="px-4 py-2 font-semibold">Concerning</th>
              <th scope="col" className="px-4 py-2 font-semibold">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200 align-top">
            {events.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{e.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="px-4 py-2">{e.actor ? e.actor.name : <span className="text-stone-600">Waymark</span>}</td>
                <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-4 py-2">
                  {e.entityType === "user"
                    ? (nameOf.get(e.entityId) ?? e.entityName ?? e.entityId)
                    : [e.entityType.replace("_", " "), e.entityName].filter(Boolean).join(": ")}
                </td>
                <td className="max-w-md px-4 py-2 text-xs text-stone-700">
                  {e.before !== null && <span className="block"><span className="font-semibold">Before</span> {describeChange(e.before)}</span>}
                  {e.after !== null && <span className="block"><span className="font-semibold">After</span> {describeChange(e.after)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-2 text-sm">
          {page > 1 && <Link className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-50" href={`/audit?${auditQuery({ ...filter, page: page - 1 })}`}>Newer</Link>}
          {page < pages && <Link className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-50" href={`/audit?${auditQuery({ ...filter, page: page + 1 })}`}>Older</Link>}
        </nav>
      )}
    </div>
  );
}
