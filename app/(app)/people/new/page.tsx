import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { isoDate } from "@/lib/dates";
import { listManagerChoices, listTeamChoices } from "@/lib/data/people";
import { listStepChoices } from "@/lib/data/placements";
import { NewPersonForm } from "./new-person-form";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  const [managers, teams, stepGroups] = await Promise.all([listManagerChoices(viewer), listTeamChoices(viewer), listStepChoices(viewer)]);
  return (
    <div>
      <PageHeader title="Add a person" description="They can sign in once they have a password." />
      <NewPersonForm managers={managers} teams={teams} stepGroups={stepGroups} today={isoDate(new Date())} />
    </div>
  );
}
