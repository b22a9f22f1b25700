import type { Metadata } from "next";
import { AssessmentEditor } from "@/components/assessment/assessment-editor";
import { AssessmentSummary, notSubmitted, UnsubmittedNote } from "@/components/assessment/assessment-summary";
import { counterpartReasons } from "@/components/assessment/counterpart-reasons";
import { StartAssessmentForm } from "@/components/assessment/start-assessment-form";
import { managerSide, ReviewComparison } from "@/components/assessment/review-comparison";
import { PageHeader } from "@/components/ui/page-header";
import { RATIONALE_MAX } from "@/lib/assessments/schemas";
import { requireViewer } from "@/lib/auth/session";
import { getOpenCycle, listAssessmentsFor } from "@/lib/data/assessments";
import { getWhereNow } from "@/lib/data/career";
import { countEvidenceByCell } from "@/lib/data/evidence";
import { getFrameworkFor, getFrameworkVersion } from "@/lib/data/frameworks";
import { firstName } from "@/lib/people/names";
import { saveDraftAction, startAction, submitAction } from "./actions";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Self-assessment" };

export default async function AssessmentPage() {
  const viewer = await requireViewer();
  const [cycle, mine, now] = await Promise.all([getOpenCycle(), listAssessmentsFor(viewer, viewer.id), getWhereNow(viewer, viewer.id)]);
  // The version that applies to the engineer: their placement's, already loaded, or the published one.
  const personal = now ? now.version : await getFrameworkFor(viewer, viewer.id);
  const inCycle = (kind: "self" | "manager", cycleId: string | undefined) => mine.find((a) => a.kind === kind && a.cycle.id === cycleId);
  const current = inCycle("self", cycle?.id);
  const managerView = inCycle("manager", cycle?.id);
  const past = mine.filter((a) => a.kind === "self" && a !== current);
  const versions = new Map(await Promise.all([...new Set(mine.map((a) => a.versionId))].map(async (id) => [id, await getFrameworkVersion(viewer, id)] as const)));
  // Evidence links to cells of the version that applies to the engineer.
  const evidence =
    current && personal?.version.id === current.versionId
      ? { counts: Object.fromEntries(await countEvidenceByCell(viewer, viewer.id)), personId: viewer.id, own: true }
      : undefined;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Self-assessment"
        description={
          !cycle
            ? "No review cycle is open right now."
            : current?.status === "submitted"
              ? `${cycle.name}: your self-assessment is submitted.`
              : `${cycle.name}: for each dimension, pick the step whose description fits you now, and say why. Your draft is yours alone until you submit it.`
        }
      />
      {cycle && !current && (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-6">
          <p className="mb-3 text-stone-700">You have not started a self-assessment for {cycle.name} yet.</p>
          <StartAssessmentForm action={startAction} fields={{ cycleId: cycle.id }} label="Start my self-assessment" />
        </div>
      )}
      {current &&
        (current.status === "draft" ? (
          <AssessmentEditor
            assessmentId={current.id}
            revision={current.revision}
            kind="self"
            subjectFirstName={firstName(viewer.name)}
            initial={Object.fromEntries(current.ratings.map((r) => [r.dimensionId, { stepId: r.stepId, rationale: r.rationale }]))}
            framework={versions.get(current.versionId)!}
            counterpart={managerView ? managerSide(managerView, viewer.id) : null}
            counterpartReasons={counterpartReasons(managerView ?? null)}
            evidence={evidence}
            currentStepId={now?.version.version.id === current.versionId ? now.step.id : null}
            rationaleMax={RATIONALE_MAX}
            saveDraft={saveDraftAction}
            submit={submitAction}
          />
        ) : (
          <div className="space-y-4">
            <div>
              <h2 className="text-lg font-semibold">Submitted {current.submittedAt && <Day value={current.submittedAt} />}</h2>
              <p className="text-sm text-stone-600">
                {managerView
                  ? `${managerView.author.name} has submitted a manager assessment too: the gaps between the two are below.`
                  : "Your manager can read it now; their assessment appears beside yours once they submit it. A submitted self-assessment does not change; the next cycle starts a new one."}
              </p>
            </div>
            <ReviewComparison
              framework={versions.get(current.versionId)!}
              self={{ who: "self", label: "You", ratings: current.ratings }}
              manager={managerView ? managerSide(managerView, viewer.id) : null}
              evidence={evidence}
            />
          </div>
        ))}
      {past.length > 0 && (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-lg font-semibold">
            Earlier cycles
          </h2>
          {past.map((a, i) => {
            const theirs = inCycle("manager", a.cycle.id);
            return (
              // With no cycle open, the latest one stays in view: a draft left in it must not seem lost.
              <details key={a.id} open={!current && i === 0} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
                <summary className="cursor-pointer font-medium">
                  {a.cycle.name} · {a.status === "submitted" ? "submitted" : notSubmitted(a.cycle)} · framework version {a.versionNumber}
                </summary>
                <div className="mt-3 grid gap-6 md:grid-cols-2">
                  <div>
                    <h3 className="mb-2 text-sm font-semibold">Your self-assessment</h3>
                    {a.status === "draft" && <UnsubmittedNote cycle={a.cycle} />}
                    <AssessmentSummary assessment={a} names={versions.get(a.versionId)!} />
                  </div>
                  {theirs && (
                    <div>
                      <h3 className="mb-2 text-sm font-semibold">Manager assessment by {theirs.author.name}</h3>
                      <AssessmentSummary assessment={theirs} names={versions.get(theirs.versionId)!} />
                    </div>
                  )}
                </div>
              </details>
            );
          })}
        </section>
      )}
    </div>
  );
}
