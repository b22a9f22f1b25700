import type { Metadata } from "next";
import Link from "next/link";
import { saveDraftAction, submitAction } from "@/app/(app)/assessment/actions";
import { AssessmentEditor } from "@/components/assessment/assessment-editor";
import { AssessmentSummary, UnsubmittedNote } from "@/components/assessment/assessment-summary";
import { managerSide, ReviewComparison, type Side } from "@/components/assessment/review-comparison";
import { counterpartReasons } from "@/components/assessment/counterpart-reasons";
import { StartAssessmentForm } from "@/components/assessment/start-assessment-form";
import { PageHeader } from "@/components/ui/page-header";
import { RATIONALE_MAX } from "@/lib/assessments/schemas";
import { requireViewer } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { listAssessmentsFor, listCycles } from "@/lib/data/assessments";
import { getWhereNow } from "@/lib/data/career";
import { countEvidenceByCell } from "@/lib/data/evidence";
import { getFrameworkFor, getFrameworkVersion } from "@/lib/data/frameworks";
import { getPerson } from "@/lib/data/people";
import { firstName } from "@/lib/people/names";
import { startManagerAssessmentAction } from "./actions";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Review" };


/**
 * One person's review in one cycle: their submitted self-assessment beside the manager assessment.
 * The direct manager writes the manager assessment here; the rest of the chain and admins read.
 */
export default async function PersonReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cycle?: string | string[] }> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  const person = await orNotFound(getPerson(viewer, id));
  const cycles = await listCycles();
  const cycle = cycles.find((c) => c.id === query.cycle) ?? cycles.find((c) => c.status === "open") ?? cycles[0];
  const assessments = cycle ? (await listAssessmentsFor(viewer, person.id)).filter((a) => a.cycle.id === cycle.id) : [];
  const self = assessments.find((a) => a.kind === "self" && a.status === "submitted");
  const manager = assessments.find((a) => a.kind === "manager");
  const name = firstName(person.name);
  const own = person.id === viewer.id;
  const isDirectManager = person.can.writeManagerAssessment;
  const editing = manager && manager.status === "draft" && manager.author.id === viewer.id && isDirectManager && cycle?.status === "open";
  // Once the cycle has closed, a draft its author never submitted stays readable by them, as it was left.
  const leftDrafts = cycle?.status === "closed" ? assessments.filter((a) => a.status === "draft" && a.author.id === viewer.id) : [];
  const leftDraftVersions = new Map(await Promise.all([...new Set(leftDrafts.map((a) => a.versionId))].map(async (v) => [v, await getFrameworkVersion(viewer, v)] as const)));

  const now = await getWhereNow(viewer, person.id);
  // The version that applies to the person: their placement's, already loaded, or the published one.
  const personal = now ? now.version : await getFrameworkFor(viewer, person.id);
  // Both sides of a review are made on one version; before either exists, the one that applies to the person.
  const reviewedOn = manager?.versionId ?? self?.versionId;
  const framework = reviewedOn && reviewedOn !== personal?.version.id ? await getFrameworkVersion(viewer, reviewedOn) : personal;
  const onPersonalVersion = !!framework && framework.version.id === personal?.version.id;
  const evidence = onPersonalVersion ? { counts: Object.fromEntries(await countEvidenceByCell(viewer, person.id)), personId: person.id, own } : undefined;

  const selfSide: Side | null = self ? { who: "self", label: own ? "You" : `${name} (self)`, ratings: self.ratings } : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={cycle ? `${person.name}: ${cycle.name}` : person.name}
        description={
          <>
            <Link href={`/people/${person.id}`} className="text-path underline">
              {own ? "My page" : `${name}'s page`}
            </Link>
            {" · "}
            <Link href={own ? "/evidence" : `/evidence?person=${person.id}`} className="text-path underline">
              {own ? "My evidence" : `${name}'s evidence`}
            </Link>
            {cycle && <> · <Day value={cycle.startsOn} /> to <Day value={cycle.endsOn} /> · {cycle.status === "open" ? "open now" : "closed"}</>}
          </>
        }
      />
      {cycles.length > 1 && (
        <nav aria-label="Review cycles" className="flex flex-wrap gap-2 text-sm">
          {cycles.map((c) => (
            <Link
              key={c.id}
              href={`/people/${person.id}/assessment?cycle=${c.id}`}
              aria-current={c.id === cycle?.id ? "page" : undefined}
              className="rounded-full border border-stone-300 px-3 py-1 hover:bg-stone-100 aria-[current=page]:border-path aria-[current=page]:bg-path-soft aria-[current=page]:font-medium"
            >
              {c.name}
            </Link>
          ))}
        </nav>
      )}
      {!cycle || !framework ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">There is no review cycle or published career path yet.</p>
      ) : editing && manager ? (
        <>
          <p className="text-sm text-stone-600">
            Your draft is yours alone until you submit it; then {name} and the managers above you can read it.{" "}
            {self ? `${name}'s submitted picks are marked on the matrix beside yours.` : `${name} has not submitted a self-assessment yet; it appears here once they do.`}
          </p>
          <AssessmentEditor
            assessmentId={manager.id}
            revision={manager.revision}
            kind="manager"
            subjectFirstName={name}
            initial={Object.fromEntries(manager.ratings.map((r) => [r.dimensionId, { stepId: r.stepId, rationale: r.rationale }]))}
            framework={framework}
            counterpart={selfSide}
            counterpartReasons={counterpartReasons(selfSide)}
            evidence={evidence}
            currentStepId={now?.version.version.id === framework.version.id ? now.step.id : null}
            rationaleMax={RATIONALE_MAX}
            saveDraft={saveDraftAction}
            submit={submitAction}
          />
        </>
      ) : (
        <>
          {isDirectManager && cycle.status === "open" && (!manager || manager.status === "draft") && (
            <section className="rounded-xl border border-dashed border-stone-300 bg-white p-6">
              <p className="mb-3 text-stone-700">
                {manager
                  ? `${manager.author.name} started a manager assessment of ${name} before you became ${name}'s manager. Take it over to finish it.`
                  : `You have not assessed ${name} for ${cycle.name} yet. ${self ? `${name} has submitted a self-assessment.` : `${name} has not submitted a self-assessment yet.`}`}
              </p>
              <StartAssessmentForm
                action={startManagerAssessmentAction}
                fields={{ subjectId: person.id, cycleId: cycle.id }}
                label={manager ? "Take over the draft" : `Start my assessment of ${name}`}
              />
            </section>
          )}
          {leftDrafts.map((draft) => (
            <section key={draft.id} aria-labelledby={`draft-${draft.id}`} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <h2 id={`draft-${draft.id}`} className="mb-3 text-lg font-semibold">
                {draft.kind === "manager" ? `Your manager assessment of ${name}` : "Your self-assessment"}
              </h2>
              <UnsubmittedNote cycle={cycle} />
              <AssessmentSummary assessment={draft} names={leftDraftVersions.get(draft.versionId)!} />
            </section>
          ))}
          {selfSide || manager?.status === "submitted" ? (
            <ReviewComparison framework={framework} self={selfSide} manager={manager?.status === "submitted" ? managerSide(manager, viewer.id) : null} evidence={evidence} />
          ) : (
            <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{cycle.status === "open" ? `Nothing has been submitted for ${cycle.name} yet.` : `Nothing was submitted for ${cycle.name}.`}</p>
          )}
        </>
      )}
    </div>
  );
}
