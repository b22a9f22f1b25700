import type { Metadata } from "next";
import Link from "next/link";
import { ArchetypeMixSection } from "@/components/plan/archetype-chart";
import { DirectionForm } from "@/components/plan/direction-form";
import { FrameworkRoads } from "@/components/plan/framework-roads";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getDirection } from "@/lib/data/plan-direction";
import { saveDirectionAction } from "./actions";

export const metadata: Metadata = { title: "Direction" };

/** Past senior the road forks: the organisation's frameworks side by side, where the engineer leans and why, and their staff archetype mix. */
export default async function DirectionPage() {
  const viewer = await requireViewer();
  const direction = await getDirection(viewer, viewer.id);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Direction"
        description={
          <>
            <Link href="/plan" className="text-path underline">
              Growth plan
            </Link>{" "}
            · Past senior the road forks: deeper technical expertise, people management, product. Look at the roads beside yours, and say where you lean. Your manager chain and admins can read
            it; only you change it.
            {direction.updatedAt && (
              <>
                {" "}
                Last saved <Day value={direction.updatedAt} />.
              </>
            )}
          </>
        }
      />
      <section aria-labelledby="roads-heading" className="space-y-3">
        <h2 id="roads-heading" className="text-lg font-semibold text-stone-900">
          The roads ahead
        </h2>
        <FrameworkRoads frameworks={direction.frameworks} currentStep={direction.currentStep} />
      </section>
      <ArchetypeMixSection title="Your archetype mix" current={direction.currentMix} wanted={direction.wantedMix} />
      <DirectionForm action={saveDirectionAction} direction={direction} frameworks={direction.frameworks} />
    </div>
  );
}
