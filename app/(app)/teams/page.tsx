import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listTeams } from "@/lib/data/people";
import { CreateTeamForm, RenameTeamForm } from "./team-forms";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  const teams = await listTeams(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Teams" description="Each person belongs to at most one team. Assign people to teams on their page." />
      <section aria-labelledby="create-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="create-heading" className="sr-only">
          Create a team
        </h2>
        <CreateTeamForm />
      </section>
      <section aria-labelledby="list-heading" className="rounded-xl border border-stone-200 bg-white shadow-sm">
        <h2 id="list-heading" className="border-b border-stone-200 px-5 py-3 text-lg font-semibold">
          {teams.length} {teams.length === 1 ? "team" : "teams"}
        </h2>
        <ul className="divide-y divide-stone-200">
          {teams.map((t) => (
            <li key={t.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-start sm:justify-between">
              <RenameTeamForm team={t} />
              <span className="text-sm text-stone-600 sm:pt-2">
                {t.members} active {t.members === 1 ? "member" : "members"}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
