import type { Metadata } from "next";
import { SelfAssessmentEditor } from "@/components/assessment/self-assessment-editor";
import { AssessmentSummary } from "@/components/assessment/assessment-summary";
import { PageHeader } from "@/components/ui/page-header";
import { RATIONALE_MAX } from "@/lib/assessments/schemas";
import { requireViewer } from "@/lib/auth/session";
import { getOpenCycle, listAssessmentsFor } from "@/lib/data/assessments";
import { getWhereNow } from "@/lib/data/career";
import { getFrameworkVersion } from "@/lib/data/frameworks";
import { startAction } from "./actions";

export const metadata: Metadata = { title: "Self-assessment" };

const longDate = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

export default async function AssessmentPage() {
  const viewer = await requireViewer();
  const [cycle, mine, now] = await Promise.all([getOpenCycle(), listAssessmentsFor(viewer, viewer.id), getWhereNow(viewer, viewer.id)]);
  const selfAssessments = mine.filter((a) => a.kind === "self");
  const current = cycle ? selfAssessments.find((a) => a.cycle.id === cycle.id) : undefined;
  const past = selfAssessments.filter((a) => a !== current);
  const versions = new Map(await Promise.all([...new Set(selfAssessments.map((a) => a.versionId))].map(async (id) => [id, await getFrameworkVersion(id)] as const)));

  return (
    <div className="space-y-8">
      <PageHeader
        title="Self-assessment"
        description={
          cycle
            ? `${cycle.name}: for each dimension, pick the step whose description fits you now, and say why. Your draft is yours alone until you submit it.`
            : "No review cycle is open right now."
        }
      />
      {cycle && !current && (
        <form action={startAction} className="rounded-xl border border-dashed border-stone-300 bg-white p-6">
          <input type="hidden" name="cycleId" value={cycle.id} />
          <p className="text-stone-700">You have not started a self-assessment for {cycle.name} yet.</p>
          <button type="submit" className="mt-3 rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
            Start my self-assessment
          </button>
        </form>
      )}
      {current &&
        (current.status === "draft" ? (
          <SelfAssessmentEditor
            assessmentId={current.id}
            revision={current.revision}
            initial={Object.fromEntries(current.ratings.map((r) => [r.dimensionId, { stepId: r.stepId, rationale: r.rationale }]))}
            dimensions={versions.get(current.versionId)!.dimensions}
            steps={versions.get(current.versionId)!.steps}
            cells={Object.fromEntries(versions.get(current.versionId)!.cells.map((c) => [`${c.stepId}:${c.dimensionId}`, c.summary]))}
            currentStepId={now?.version.version.id === current.versionId ? now.step.id : null}
            rationaleMax={RATIONALE_MAX}
          />
        ) : (
          <section aria-labelledby="submitted-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="submitted-heading" className="text-lg font-semibold">
              Submitted {current.submittedAt && longDate(current.submittedAt)}
            </h2>
            <p className="mb-4 text-sm text-stone-600">Your manager can read it now. A submitted self-assessment does not change; the next cycle starts a new one.</p>
            <AssessmentSummary assessment={current} names={versions.get(current.versionId)!} />
          </section>
        ))}
      {past.length > 0 && (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-lg font-semibold">
            Earlier cycles
          </h2>
          {past.map((a) => (
            <details key={a.id} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
              <summary className="cursor-pointer font-medium">
                {a.cycle.name} · {a.status === "submitted" ? "submitted" : "never submitted"} · framework version {a.versionNumber}
              </summary>
              <div className="mt-3">
                <AssessmentSummary assessment={a} names={versions.get(a.versionId)!} />
              </div>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
