import Link from "next/link";
import type { Route } from "next";
import type { ReactNode } from "react";
import type { PlacementEntry } from "@/lib/data/placements";
import { placementReasonLabel } from "@/lib/placements/schemas";
import { Day } from "@/components/ui/day";
import { stackedCell } from "@/components/ui/stacked-table";

const cell = stackedCell;

/**
 * A person's placements, newest first: a table on a wide screen, one stacked block per placement on
 * a phone. `after` renders what follows a row (an admin's correction form), on a row of its own.
 */
export function PlacementHistory({ entries, after }: { entries: PlacementEntry[]; after?: (entry: PlacementEntry) => ReactNode }) {
  if (entries.length === 0) return <p className="text-sm text-stone-600">Not placed on a step yet.</p>;
  return (
    <table className="w-full text-left text-sm max-sm:block">
      <thead className="max-sm:sr-only">
        <tr className="text-stone-600">
          <th scope="col" className="px-3 py-2 font-medium">Step</th>
          <th scope="col" className="px-3 py-2 font-medium">Effective</th>
          <th scope="col" className="px-3 py-2 font-medium">Reason</th>
          <th scope="col" className="px-3 py-2 font-medium">Note</th>
          <th scope="col" className="px-3 py-2 font-medium">Decided by</th>
          <th scope="col" className="px-3 py-2 font-medium">Recorded</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {entries.map((e) => {
          const extra = after?.(e);
          return [
            <tr key={e.id} className="border-t border-stone-200 max-sm:block max-sm:py-3 max-sm:first:border-t-0">
              <td data-label="Step" className={cell}>
                <span>
                  <span className="font-medium">{e.step.name}</span>
                  <span className="block text-xs text-stone-600">
                    {e.framework.name}, version {e.framework.versionNumber}
                  </span>
                </span>
              </td>
              <td data-label="Effective" className={`${cell} whitespace-nowrap`}>
                <Day value={e.effectiveOn} />
              </td>
              <td data-label="Reason" className={cell}>
                <span>
                  {placementReasonLabel[e.reason]}
                  {e.caseId && (
                    // The case page belongs to promotion cases; this only links to it.
                    <Link href={`/cases/${e.caseId}` as Route} className="block text-path hover:underline">
                      Promotion case
                    </Link>
                  )}
                </span>
              </td>
              <td data-label="Note" className={`${cell} min-w-0 max-w-xs whitespace-pre-line break-words`}>
                {e.note || <span className="text-stone-500">—</span>}
              </td>
              <td data-label="Decided by" className={cell}>
                {e.decidedBy?.name ?? <span className="text-stone-500">—</span>}
              </td>
              <td data-label="Recorded" className={`${cell} whitespace-nowrap text-stone-600`}>
                <Day value={e.recordedAt} />
              </td>
            </tr>,
            extra ? (
              <tr key={`${e.id}-after`} className="max-sm:block">
                <td colSpan={6} className="px-3 pb-3 max-sm:block max-sm:px-0">
                  {extra}
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}
