import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { ImportPeople } from "./import-people";

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
