import type { Metadata } from "next";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getFrameworkFor } from "@/lib/data/frameworks";
import { createEvidenceAction } from "../actions";

export const metadata: Metadata = { title: "Add evidence" };

export default async function NewEvidencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const version = await getFrameworkFor(viewer, viewer.id);
  const { cellId } = await searchParams;
  return (
    <div>
      <PageHeader title="Add evidence" description="A design doc, an incident review, a talk, mentoring, a shipped feature: say what happened and link it to the cells it proves." />
      {version ? (
        <EvidenceForm
          action={createEvidenceAction}
          matrix={version}
          today={new Date().toISOString().slice(0, 10)}
          preselect={typeof cellId === "string" ? [cellId] : []}
        />
      ) : (
        <p className="text-stone-600">There is no career path to link evidence to yet.</p>
      )}
    </div>
  );
}
