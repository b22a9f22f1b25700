import type { Metadata } from "next";
import { PlanBasicsForm } from "@/components/plan/plan-basics-form";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getPlan } from "@/lib/data/plans";
import { horizonRange, laneSlots } from "@/lib/plan/choices";
import { savePlanBasicsAction } from "./actions";

export const metadata: Metadata = { title: "Growth plan" };

/** The engineer's own growth plan: where they are heading, and the lanes that lead there. */
export default async function PlanPage() {
  const viewer = await requireViewer();
  const plan = await getPlan(viewer, viewer.id);
  return (
    <div>
      <PageHeader
        title="Growth plan"
        description={
          <>
            Where you are heading, and three lanes that take you there. Your manager, the managers above them and admins can read it; only you change it.
            {plan.updatedAt && (
              <>
                {" "}
                Last saved <Day value={plan.updatedAt} />.
              </>
            )}
          </>
        }
      />
      <PlanBasicsForm
        action={savePlanBasicsAction}
        plan={{ revision: plan.revision, northStar: plan.northStar, horizon: plan.horizon ?? "", lanes: laneSlots(plan) }}
        range={horizonRange()}
      />
    </div>
  );
}
