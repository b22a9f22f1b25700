import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { saveManagerRatingsAction } from "@/app/(app)/plan/skills/actions";
import { ManagerRatingsForm } from "@/components/plan/manager-ratings-form";
import { GapsView, SkillsTable } from "@/components/plan/skills-view";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getSkills } from "@/lib/data/plan-skills";
import { orNotFound } from "@/lib/pages";
import { firstName } from "@/lib/people/names";

export const metadata: Metadata = { title: "Skills inventory" };

/** A person's skills inventory for their manager chain and admins: read-only, except the direct manager's own ratings. */
export default async function PersonSkillsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const inventory = await orNotFound(getSkills(viewer, id));
  if (inventory.canEdit) redirect("/plan/skills");
  const name = firstName(inventory.owner.name);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${inventory.owner.name}'s skills`}
        description={
          <>
            <Link href={`/people/${inventory.owner.id}/plan`} className="text-path underline">
              Growth plan
            </Link>
            {inventory.updatedAt ? (
              <>
                {" "}
                · last saved <Day value={inventory.updatedAt} />
              </>
            ) : null}
            . Only {name} changes the skills, ratings and targets{inventory.canRate ? "; as their manager you add your rating beside theirs" : ""}.
          </>
        }
      />
      {!inventory.saved ? (
        <p className="text-stone-600">{name} has not filled in a skills inventory yet.</p>
      ) : (
        <>
          <section aria-labelledby="gaps-heading" className="space-y-3">
            <h2 id="gaps-heading" className="text-lg font-semibold text-stone-900">
              Top gaps
            </h2>
            <GapsView gaps={inventory.gaps} />
          </section>
          <section aria-labelledby="skills-heading" className="space-y-3">
            <h2 id="skills-heading" className="text-lg font-semibold text-stone-900">
              Skills by area
            </h2>
            {inventory.canRate ? (
              <ManagerRatingsForm action={saveManagerRatingsAction} personId={inventory.owner.id} revision={inventory.managerRevision} skills={inventory.skills} />
            ) : (
              <SkillsTable skills={inventory.skills} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
