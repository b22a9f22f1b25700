import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { stackedBlock, stackedCell, stackedHead, stackedTable } from "@/components/ui/stacked-table";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { countSubmittedByCycle, listCycles } from "@/lib/data/assessments";
import { isoDate } from "@/lib/dates";
import { CreateCycleForm, CycleStatusForm } from "./cycle-forms";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Review cycles" };

/** The half-year after the newest cycle, or the one today falls in: what an admin most likely creates next. */
function nextHalfYear(after: string | undefined): { name: string; startsOn: string; endsOn: string } {
  const from = after ? new Date(`${after}T00:00:00Z`) : new Date();
  if (after) from.setUTCDate(from.getUTCDate() + 1);
  const year = from.getUTCFullYear();
  const second = from.getUTCMonth() >= 6;
  return { name: `${year} ${second ? "H2" : "H1"} review`, startsOn: `${year}-${second ? "07-01" : "01-01"}`, endsOn: `${year}-${second ? "12-31" : "06-30"}` };
}

export default async function CyclesPage() {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  const [cycles, counts] = await Promise.all([listCycles(), countSubmittedByCycle(viewer)]);
  const today = isoDate(new Date());
  const label = (c: (typeof cycles)[number]) => (c.status === "open" ? "Open" : c.startsOn > today ? "Not opened yet" : "Closed");

  return (
    <div className="space-y-8">
      <PageHeader
        title="Review cycles"
        description="Self-assessments and manager assessments are written in the open cycle. One cycle is open at a time; closing it makes its assessments final."
      />
      <section aria-labelledby="cycles-heading" className="rounded-xl border border-stone-200 bg-white shadow-sm max-sm:px-4">
        <h2 id="cycles-heading" className="sr-only">
          All cycles
        </h2>
        {cycles.length === 0 ? (
          <p className="p-6 text-stone-700 max-sm:px-0">No review cycles yet. Create the first one below, then open it when people should start writing.</p>
        ) : (
          <table className={stackedTable}>
            <thead className={`${stackedHead} bg-stone-100 text-xs uppercase tracking-wide text-stone-600`}>
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Cycle</th>
                <th scope="col" className="px-4 py-3 font-semibold">Dates</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Submitted</th>
                <th scope="col" className="px-4 py-3 font-semibold"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className={stackedBlock}>
              {cycles.map((c) => {
                const n = counts.get(c.id) ?? { self: 0, manager: 0 };
                return (
                  <tr key={c.id} className="border-t border-stone-200 first:border-t-0 max-sm:block max-sm:py-3 sm:first:border-t">
                    <th scope="row" className="px-4 py-3 align-top font-medium max-sm:block max-sm:px-0 max-sm:pb-1 max-sm:pt-0">{c.name}</th>
                    <td data-label="Dates" className={`${stackedCell} sm:px-4 sm:py-3 text-stone-700`}>
                      <span>
                        <Day value={c.startsOn} /> to <Day value={c.endsOn} />
                      </span>
                    </td>
                    <td data-label="Status" className={`${stackedCell} sm:px-4 sm:py-3`}>
                      <span>
                        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${c.status === "open" ? "bg-emerald-100 text-emerald-900" : "bg-stone-100 text-stone-700"}`}>
                          {label(c)}
                        </span>
                      </span>
                    </td>
                    <td data-label="Submitted" className={`${stackedCell} sm:px-4 sm:py-3 text-stone-700`}>
                      <span>
                        {n.self} self · {n.manager} manager
                      </span>
                    </td>
                    <td className="px-4 py-3 align-top max-sm:block max-sm:px-0 max-sm:pt-2">
                      <CycleStatusForm cycle={c} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="new-cycle-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="new-cycle-heading" className="mb-1 text-lg font-semibold">
          New cycle
        </h2>
        <p className="mb-4 text-sm text-stone-600">A new cycle starts closed; open it when people should start writing.</p>
        <CreateCycleForm suggestion={nextHalfYear(cycles[0]?.endsOn)} />
      </section>
    </div>
  );
}
