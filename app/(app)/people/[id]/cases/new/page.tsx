import { longDate } from "@/lib/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { canOpenCaseFor, getCaseChoices } from "@/lib/data/cases";
import { orNotFound } from "@/lib/pages";
import { NewCaseForm } from "./new-case-form";

export const metadata: Metadata = { title: "Open a promotion case" };

export default async function NewCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  // Only the person's managers open a case: to anyone else the page does not exist.
  if (!(await canOpenCaseFor(viewer, id))) notFound();
  const choices = await orNotFound(getCaseChoices(viewer, id));
  const { subject, placement, cycle, targets, openCase } = choices;
  const blocked = !subject.active
    ? `${subject.name} is deactivated.`
    : !cycle
      ? "No review cycle is open: a case belongs to one. An admin opens cycles."
      : !placement
        ? `${subject.name} is not placed on a step yet: an admin places them first.`
        : targets.length === 0
          ? `${placement.stepName} is the end of this path: no step opens from it.`
          : null;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={`Open a promotion case for ${subject.name}`}
        description={placement ? `Now ${placement.stepName}, since ${longDate(placement.effectiveOn)}. The case belongs to ${cycle?.name ?? "the open review cycle"}.` : undefined}
      />
      {openCase ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
          {subject.name} already has an open case in this cycle.{" "}
          <Link href={`/cases/${openCase.id}`} className="font-medium text-path underline">
            Open it
          </Link>
        </p>
      ) : blocked ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{blocked}</p>
      ) : (
        <section aria-labelledby="target-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id="target-heading" className="text-lg font-semibold">
            The step the case is for
          </h2>
          <p className="mb-4 text-sm text-stone-600">
            {targets.length > 1 ? "The path forks here: pick the branch." : "One step opens from here."} You write the narrative and pick the evidence next; nobody but
            the managers above {subject.name.split(" ")[0]} and admins sees the case until you propose it.
          </p>
          <NewCaseForm subjectId={subject.id} targets={targets} />
        </section>
      )}
    </div>
  );
}
