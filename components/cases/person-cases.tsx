import { longDate } from "@/lib/dates";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/policy";
import { canOpenCaseFor, listCasesAbout } from "@/lib/data/cases";
import { CaseStatusBadge } from "./case-packet";

/** A person's promotion cases on their page, with "open a case" for their managers. */
export async function PersonCases({ viewer, person }: { viewer: Viewer; person: { id: string; name: string; active: boolean } }) {
  const cases = await listCasesAbout(viewer, person.id);
  // One open case per person per cycle: with one already open, the way to it is the list below.
  const hasOpen = cases.some((c) => (c.status === "draft" || c.status === "proposed") && c.cycle.status === "open");
  const canOpen = person.active && !hasOpen && (await canOpenCaseFor(viewer, person.id));
  if (cases.length === 0 && !canOpen) return null;
  return (
    <section aria-labelledby="cases-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="cases-heading" className="text-lg font-semibold">
          Promotion cases
        </h2>
        {canOpen && (
          <Link href={`/people/${person.id}/cases/new`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50">
            Open a promotion case
          </Link>
        )}
      </div>
      {cases.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">No case yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {cases.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <Link href={`/cases/${c.id}`} className="font-medium text-path hover:underline">
                  {c.from} → {c.to}
                </Link>
                <p className="text-sm text-stone-600">
                  {c.cycle.name} · opened {longDate(c.createdAt)}
                </p>
              </div>
              <CaseStatusBadge status={c.status} published={!!c.session?.publishedAt || viewer.id === person.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
