import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPeople } from "@/components/people/import-people";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import people" };

export default async function ImportPeoplePage() {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  return (
    <div>
      <PageHeader title="Import people" description="Add and update many people at once. You see what would change first; then the whole file is applied, or nothing." />
      <ImportPeople />
    </div>
  );
}
