import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { countOverdueExperiments } from "@/lib/data/plan-experiments";

/** A notice on the home page when the viewer's own experiments are open past their end date, with a link to close them. */
export async function OverdueExperiments() {
  const viewer = await requireViewer();
  const overdue = await countOverdueExperiments(viewer);
  if (overdue === 0) return null;
  return (
    <aside aria-labelledby="overdue-experiments-heading" data-testid="overdue-experiments" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="overdue-experiments-heading" className="font-semibold">
        {overdue === 1 ? "An experiment is past its end date" : `${overdue} experiments are past their end date`}
      </h2>
      <p className="mt-1">
        Close {overdue === 1 ? "it" : "them"} with what {overdue === 1 ? "it" : "they"} showed and the next step.{" "}
        <Link href="/plan#experiments-heading" className="font-medium underline">
          Go to your experiments
        </Link>
      </p>
    </aside>
  );
}
