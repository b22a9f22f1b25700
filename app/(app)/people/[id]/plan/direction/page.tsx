import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArchetypeMixSection } from "@/components/plan/archetype-chart";
import { FrameworkRoads } from "@/components/plan/framework-roads";
import { Day } from "@/components/ui/day";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getDirection } from "@/lib/data/plan-direction";
import { leanLabel } from "@/lib/plan/archetypes";
import { orNotFound } from "@/lib/pages";
import { firstName } from "@/lib/people/names";

export const metadata: Metadata = { title: "Direction" };

/** A person's direction past senior, read-only for their manager chain and admins. */
export default async function PersonDirectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const direction = await orNotFound(getDirection(viewer, id));
  if (direction.canEdit) redirect("/plan/direction");
  const name = firstName(direction.owner.name);
  const leaning = direction.lean === "framework" ? direction.frameworks.find((f) => f.key === direction.frameworkKey)?.name ?? leanLabel("framework") : leanLabel(direction.lean);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${direction.owner.name}'s direction`}
        description={
          <>
            <Link href={`/people/${direction.owner.id}/plan`} className="text-path underline">
              Growth plan
            </Link>
            {direction.updatedAt ? (
              <>
                {" "}
                · last saved <Day value={direction.updatedAt} />
              </>
            ) : null}
            . Only {name} changes it.
          </>
        }
      />
      {!direction.saved ? (
        <p className="text-stone-600">{name} has not said where they lean yet.</p>
      ) : (
        <section aria-labelledby="lean-heading" className="space-y-2 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id="lean-heading" className="text-sm font-medium text-path">
            Leans towards
          </h2>
          <p className="text-lg font-semibold text-stone-950 [overflow-wrap:anywhere]">{leaning}</p>
          <p className={`max-w-3xl whitespace-pre-line [overflow-wrap:anywhere] ${direction.reason ? "text-stone-800" : "text-stone-500"}`}>{direction.reason || "No reason written yet."}</p>
        </section>
      )}
      <ArchetypeMixSection title="Archetype mix" current={direction.currentMix} wanted={direction.wantedMix} who={name} />
      <section aria-labelledby="roads-heading" className="space-y-3">
        <h2 id="roads-heading" className="text-lg font-semibold text-stone-900">
          The roads ahead
        </h2>
        <FrameworkRoads frameworks={direction.frameworks} currentStep={direction.currentStep} />
      </section>
    </div>
  );
}
