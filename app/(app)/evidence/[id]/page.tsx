import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getEvidence } from "@/lib/data/evidence";
import { frameworkFor } from "@/lib/data/my-path";
import { NotFoundError } from "@/lib/errors";
import { updateEvidenceAction } from "../actions";
import { DeleteEvidence } from "./delete-evidence";

export const metadata: Metadata = { title: "Edit evidence" };

export default async function EditEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const item = await getEvidence(viewer, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  // Managers may read a report's evidence on the evidence library; only the owner edits it.
  if (item.ownerId !== viewer.id) notFound();
  const version = await frameworkFor(viewer);
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
