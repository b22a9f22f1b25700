import Link from "next/link";
import type { Viewer } from "@/lib/auth/policy";
import { listMyCases } from "@/lib/data/cases";
import { longDate } from "@/lib/dates";
import { outcomeWord } from "@/lib/promotion/packet";
import { Markdown } from "@/components/ui/markdown";

/**
 * On an engineer's home page: a case about them once it is proposed, and its outcome with the
 * rationale once the calibration has published it.
 */
export async function MyCases({ viewer }: { viewer: Viewer }) {
  const cases = await listMyCases(viewer);
  const shown = cases.filter((c) => c.status !== "withdrawn");
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="my-cases-heading" className="space-y-3">
      <h2 id="my-cases-heading" className="text-lg font-semibold">
        Your promotion cases
      </h2>
      <ul className="space-y-3">
        {shown.slice(0, 3).map((c) => (
          <li key={c.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm" data-testid="my-case">
            <p className="text-sm text-stone-600">{c.cycle.name}</p>
            <p className="font-semibold">
              <Link href={`/cases/${c.id}`} className="text-path hover:underline">
                {c.from} → {c.to}
              </Link>
            </p>
            {c.decision ? (
              <div className="mt-2 space-y-1">
                <p className="font-medium">
                  {outcomeWord[c.decision.outcome]}
                  {c.decision.outcome === "approved" && c.decision.effectiveOn && `, effective ${longDate(c.decision.effectiveOn)}`}
                </p>
                <Markdown>{c.decision.rationale}</Markdown>
              </div>
            ) : (
              <p className="mt-1 text-sm text-stone-700">Proposed by your manager; the calibration of this cycle decides it. You will see the outcome here once it is published.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
