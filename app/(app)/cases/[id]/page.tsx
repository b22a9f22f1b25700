import { longDate } from "@/lib/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { CasePacket, CaseStatusBadge } from "@/components/cases/case-packet";
import { buttonLinkClass } from "@/components/ui/page-header";
import { canCalibrate } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getCase, listEvidenceChoices } from "@/lib/data/cases";
import { getFrameworkVersion } from "@/lib/data/frameworks";
import { nextSteps } from "@/lib/framework/path-graph";
import { orNotFound } from "@/lib/pages";
import { CaseEditor, CaseStepButton } from "./case-forms";

export const metadata: Metadata = { title: "Promotion case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const c = await orNotFound(getCase(viewer, id));
  const [choices, version] = await Promise.all([listEvidenceChoices(viewer, c), c.can.edit ? getFrameworkVersion(viewer, c.versionId) : null]);
  const packet = c.packet;
  const targets = version ? nextSteps(version.steps, version.transitions, c.fromStepId).map((n) => ({ id: n.step.id, name: n.step.name, label: n.label })) : [];
  const groups = (packet?.cells ?? []).flatMap((x) => (x.cell ? [{ key: x.dimension.key, label: `${x.dimension.name} at ${packet!.to.name}`, cellId: x.cell.id }] : []));
  const linked = [...(packet?.cells.flatMap((x) => x.evidence) ?? []), ...(packet?.otherEvidence ?? [])].map((e) => e.id);
  const published = !!c.session?.publishedAt;
  const title = packet ? `${c.subject.name}: ${packet.from.name} → ${packet.to.name}` : `Promotion case for ${c.subject.name}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-medium text-path">Promotion case · {c.cycle.name}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-stone-950">{title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <CaseStatusBadge status={c.status} published={published || viewer.id === c.subject.id} />
            <span>
              Opened by {c.createdBy.name} on {longDate(c.createdAt)}
            </span>
            {c.session && canCalibrate(viewer) && (
              <span>
                ·{" "}
                <Link href={`/calibration/${c.session.id}`} className="text-path hover:underline">
                  {c.session.name}
                </Link>
              </span>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/cases/${c.id}/packet`} className={buttonLinkClass}>
            Printable packet
          </Link>
          <a href={`/cases/${c.id}/packet.md`} className={buttonLinkClass} download>
            Download as Markdown
          </a>
        </div>
      </div>

      {viewer.id === c.subject.id && c.status === "proposed" && (
        <p role="status" className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
          Your manager has proposed you for {packet?.to.name ?? "a new step"}. The calibration of {c.cycle.name} decides it; you will see the outcome here once it is published.
        </p>
      )}

      {(c.can.edit || c.can.propose || c.can.withdraw || c.can.discard) && (
        <section aria-labelledby="edit-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm print:hidden">
          <h2 id="edit-heading" className="text-lg font-semibold">
            {c.status === "draft" ? "Write the case" : "Revise the case"}
          </h2>
          <p className="mb-4 text-sm text-stone-600">
            {c.status === "draft"
              ? `A draft is seen by ${c.subject.name.split(" ")[0]}'s managers and admins only. Propose it when it is ready: it then goes to the cycle's calibration.`
              : "A proposed case can be revised and withdrawn until its calibration starts."}
          </p>
          {c.can.edit && <CaseEditor c={{ ...c, evidenceIds: linked }} targets={targets} groups={groups} evidence={choices} />}
          <div className="mt-5 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
            {c.can.propose && <CaseStepButton kind="propose" c={c} />}
            {c.can.withdraw && <CaseStepButton kind="withdraw" c={c} />}
            {c.can.discard && <CaseStepButton kind="discard" c={c} />}
          </div>
        </section>
      )}

      {packet ? (
        <CasePacket c={c} packet={packet} decision={c.visibleDecision} />
      ) : (
        <p className="text-sm text-stone-600">The steps of this case are no longer in its framework version.</p>
      )}
    </div>
  );
}
