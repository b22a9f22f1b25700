import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckInSection } from "@/components/plan/check-in-section";
import { ExperimentsSection } from "@/components/plan/experiments-section";
import { PlanView } from "@/components/plan/plan-view";
import { SkillsDirectionLinks } from "@/components/plan/skills-links";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getPlan } from "@/lib/data/plans";
import { orNotFound } from "@/lib/pages";
import { firstName } from "@/lib/people/names";

export const metadata: Metadata = { title: "Growth plan" };

/** A person's growth plan, read-only for their manager chain and admins; the owner writes theirs at /plan. */
export default async function PersonPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const plan = await orNotFound(getPlan(viewer, id));
  if (plan.canEdit) redirect("/plan");
  const name = firstName(plan.owner.name);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${plan.owner.name}'s growth plan`}
        description={
          <>
            <Link href={`/people/${plan.owner.id}`} className="text-path underline">
              {plan.owner.name}
            </Link>
            {plan.updatedAt ? (
              <>
                {" "}
                · last saved <Day value={plan.updatedAt} />
              </>
            ) : null}
            . Only {name} can change this plan.
          </>
        }
      />
      <SkillsDirectionLinks base={`/people/${plan.owner.id}/plan`} />
      {plan.saved ? <PlanView plan={plan} /> : <p className="text-stone-600">{name} has not written a growth plan yet.</p>}
      <ExperimentsSection ownerId={plan.owner.id} />
      <CheckInSection ownerId={plan.owner.id} />
    </div>
  );
}
