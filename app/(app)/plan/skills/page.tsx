import type { Metadata } from "next";
import Link from "next/link";
import { GapActionsForm } from "@/components/plan/gap-actions-form";
import { SkillsForm } from "@/components/plan/skills-form";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getSkills, starterSkills } from "@/lib/data/plan-skills";
import { saveGapActionsAction, saveSkillsAction } from "./actions";

export const metadata: Metadata = { title: "Skills inventory" };

/** The engineer's own skills inventory: areas and skills rated now and aimed for, and the top three gaps with their actions. */
export default async function SkillsPage() {
  const viewer = await requireViewer();
  const inventory = await getSkills(viewer, viewer.id);
  const skills = inventory.saved ? inventory.skills : starterSkills();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Skills inventory"
        description={
          <>
            <Link href="/plan" className="text-path underline">
              Growth plan
            </Link>{" "}
            · Rate each skill from 1 to 5 as it is now, and set where you want it. Your manager can add their rating beside yours; the managers above them and admins can read it; only you
            change it.
            {inventory.updatedAt && (
              <>
                {" "}
                Last saved <Day value={inventory.updatedAt} />.
              </>
            )}
          </>
        }
      />
      <section aria-labelledby="gaps-heading" className="space-y-3">
        <h2 id="gaps-heading" className="text-lg font-semibold text-stone-900">
          Top gaps
        </h2>
        {inventory.gaps.length > 0 ? (
          <>
            <p className="max-w-3xl text-sm text-stone-600">The three skills furthest from their target. For each, something to read, something to practise, and something that will show it.</p>
            <GapActionsForm action={saveGapActionsAction} revision={inventory.revision} gaps={inventory.gaps} />
          </>
        ) : (
          <p className="text-sm text-stone-600">Rate your skills and set targets below: the three furthest from their target show here, with what you will do about them.</p>
        )}
      </section>
      <section aria-labelledby="skills-heading" className="space-y-3">
        <h2 id="skills-heading" className="text-lg font-semibold text-stone-900">
          Skills by area
        </h2>
        {!inventory.saved && <p className="text-sm text-stone-600">A starter list to make your own: rename, add or clear skills and areas, then save.</p>}
        <SkillsForm action={saveSkillsAction} revision={inventory.revision} skills={skills} />
      </section>
    </div>
  );
}
