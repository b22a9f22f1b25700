import type { Metadata } from "next";
import { CheckInSection } from "@/components/plan/check-in-section";
import { ExperimentsSection } from "@/components/plan/experiments-section";
import { PlanBasicsForm } from "@/components/plan/plan-basics-form";
import { QuarterPlan } from "@/components/plan/quarter-plan";
import { SkillsDirectionLinks } from "@/components/plan/skills-links";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { listOwnEvidenceChoices } from "@/lib/data/evidence";
import { getPlan } from "@/lib/data/plans";
import { longDate } from "@/lib/dates";
import { horizonRange, laneSlots } from "@/lib/plan/choices";
import { WEEKS_IN_QUARTER, weekLabel } from "@/lib/plan/quarters";
import { addMilestoneAction, deleteMilestoneAction, savePlanBasicsAction, setMilestoneDoneAction, updateMilestoneAction } from "./actions";
import { closeExperimentAction, createExperimentAction, saveCheckInAction, updateExperimentAction } from "./experiment-actions";

export const metadata: Metadata = { title: "Growth plan" };

/** The engineer's own growth plan: where they are heading, the lanes that lead there, and this quarter's milestones in each. */
export default async function PlanPage() {
  const viewer = await requireViewer();
  const [plan, evidence] = await Promise.all([getPlan(viewer, viewer.id), listOwnEvidenceChoices(viewer)]);
  const choices = {
    lanes: plan.lanes.map((l) => ({ position: l.position, name: l.name })),
    weeks: Array.from({ length: WEEKS_IN_QUARTER }, (_, i) => ({ value: i + 1, label: weekLabel(plan.quarter, i + 1) })),
    evidence: evidence.map((e) => ({ id: e.id, label: `${e.title} (${longDate(e.occurredOn)})` })),
  };
  return (
    <div className="space-y-10">
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
        <SkillsDirectionLinks />
        <PlanBasicsForm
          action={savePlanBasicsAction}
          plan={{ revision: plan.revision, northStar: plan.northStar, horizon: plan.horizon ?? "", lanes: laneSlots(plan) }}
          range={horizonRange()}
        />
      </div>
      <QuarterPlan
        plan={plan}
        choices={choices}
        actions={{ add: addMilestoneAction, update: updateMilestoneAction, done: setMilestoneDoneAction, remove: deleteMilestoneAction }}
      />
      <ExperimentsSection ownerId={viewer.id} actions={{ create: createExperimentAction, update: updateExperimentAction, close: closeExperimentAction }} />
      <CheckInSection ownerId={viewer.id} save={saveCheckInAction} />
    </div>
  );
}
