import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import type { Viewer } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { getEvidence, type EvidenceView } from "@/lib/data/evidence";
import { getFrameworkFor } from "@/lib/data/frameworks";
import { getPerson } from "@/lib/data/people";
import { evidenceKindLabel } from "@/lib/evidence/schemas";
import { firstName } from "@/lib/people/names";
import { updateEvidenceAction } from "../actions";
import { DeleteEvidence } from "./delete-evidence";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Evidence" };

/** One evidence item: its owner edits or deletes it here; their manager chain and admins read it. */
export default async function EvidenceItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const item = await orNotFound(getEvidence(viewer, id));
  if (!item.canEdit) return <ReadOnlyEvidence item={item} viewer={viewer} />;
  const version = await getFrameworkFor(viewer, viewer.id);
  if (!version) notFound();
  return (
    <div className="space-y-8">
      <PageHeader title="Edit evidence" />
      <EvidenceForm action={updateEvidenceAction} existing={item} matrix={version} today={new Date().toISOString().slice(0, 10)} />
      <section aria-labelledby="delete-heading" className="max-w-3xl border-t border-stone-200 pt-6">
        <h2 id="delete-heading" className="sr-only">
          Delete
        </h2>
        <DeleteEvidence id={item.id} revision={item.revision} />
      </section>
    </div>
  );
}

async function ReadOnlyEvidence({ item, viewer }: { item: EvidenceView; viewer: Viewer }) {
  // Evidence links to cells of the version that applies to its owner.
  const [owner, version] = await Promise.all([getPerson(viewer, item.ownerId), getFrameworkFor(viewer, item.ownerId)]);
  const cellName = (cellId: string) => {
    const cell = version?.cells.find((c) => c.id === cellId);
    if (!cell) return "a cell of another version";
    return `${version!.steps.find((s) => s.id === cell.stepId)?.name} · ${version!.dimensions.find((d) => d.id === cell.dimensionId)?.name}`;
  };
  const name = firstName(owner.name);
  return (
    <div className="space-y-6">
      <PageHeader
        title={item.title}
        description={
          <>
            Evidence of {owner.name} ·{" "}
            <Link href={`/evidence?person=${owner.id}`} className="text-path underline">
              All of {name}&apos;s evidence
            </Link>
          </>
        }
      />
      <article aria-label={item.title} className="max-w-3xl space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <p className="text-sm text-stone-700">
          <span className="rounded-full bg-path-soft px-2 py-0.5 text-xs font-medium text-stone-800">{evidenceKindLabel[item.kind]}</span> · <Day value={item.occurredOn} />
        </p>
        {item.link && (
          <a href={item.link} rel="noopener noreferrer nofollow" target="_blank" className="inline-block break-all text-sm text-path hover:underline">
            {item.link}
          </a>
        )}
        {item.body ? <Markdown>{item.body}</Markdown> : <p className="text-sm text-stone-500">No description.</p>}
        {item.cellIds.length > 0 && (
          <div>
            <h2 className="text-xs font-semibold uppercase tracking-wide text-stone-600">Proves</h2>
            <ul className="mt-1 list-disc pl-5 text-sm text-stone-800">
              {item.cellIds.map((c) => (
                <li key={c}>{cellName(c)}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="text-xs text-stone-600">Only {name} can change this evidence.</p>
      </article>
    </div>
  );
}
