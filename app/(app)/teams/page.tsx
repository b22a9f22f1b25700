import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { canManagePeople } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listLeadChoices, listTeams, type TeamSummary } from "@/lib/data/people";
import { DEFAULT_DIRECTORY_QUERY, directoryHref } from "@/lib/people/directory";
import { isUuid } from "@/lib/validation";
import { CreateTeamForm, RenameTeamForm, TeamLeadForm } from "./team-forms";

export const metadata: Metadata = { title: "Teams" };

const nameLinks = "[&_a]:font-medium [&_a]:text-stone-900 [&_a]:underline [&_a]:decoration-stone-300 [&_a]:underline-offset-2 [&_a:hover]:decoration-path";

/**
 * Every team with its lead and first members. The lead is changed on one team at a time
 * (`?lead=<team id>`), so the list of people who may lead is on the page once, not once per team.
 */
export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ lead?: string | string[]; page?: string | string[] }> }) {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  const query = await searchParams;
  const editing = typeof query.lead === "string" && isUuid(query.lead) ? query.lead : null;
  const requested = typeof query.page === "string" && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
  const [{ teams, total, page, pages }, leadChoices] = await Promise.all([listTeams(viewer, { page: requested }), editing ? listLeadChoices(viewer) : []]);
  const pageHref = (p: number) => (p > 1 ? `/teams?page=${p}` : "/teams");
  return (
    <div className="space-y-6">
      <PageHeader title="Teams" description="Each person belongs to at most one team. Assign people to teams on their page; give each team a lead here." />
      <section aria-labelledby="create-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="create-heading" className="sr-only">
          Create a team
        </h2>
        <CreateTeamForm />
      </section>
      <section aria-labelledby="list-heading" className="rounded-xl border border-stone-200 bg-white shadow-sm">
        <h2 id="list-heading" className="border-b border-stone-200 px-5 py-3 text-lg font-semibold">
          {total} {total === 1 ? "team" : "teams"}
          {pages > 1 && <span className="text-sm font-normal text-stone-600"> · page {page} of {pages}, by name</span>}
        </h2>
        {teams.length === 0 ? (
          <p className="px-5 py-6 text-sm text-stone-600">No teams yet: create the first above.</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {teams.map((t) => (
              <TeamItem key={t.id} team={t} leadChoices={t.id === editing ? leadChoices : null} pageHref={pageHref(page)} />
            ))}
          </ul>
        )}
        {pages > 1 && (
          <div className="border-t border-stone-200 px-5 py-3">
            <Pager page={page} pages={pages} href={pageHref} label="Pages of teams" />
          </div>
        )}
      </section>
    </div>
  );
}

function TeamItem({ team, leadChoices, pageHref }: { team: TeamSummary; leadChoices: { id: string; name: string }[] | null; pageHref: string }) {
  const withLead = `${pageHref}${pageHref.includes("?") ? "&" : "?"}lead=${team.id}#team-${team.id}`;
  const headingId = `team-heading-${team.id}`;
  return (
    <li id={`team-${team.id}`} aria-labelledby={headingId} className="scroll-mt-20 space-y-4 px-5 py-4">
      <h3 id={headingId} className="sr-only">
        {team.name}
      </h3>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <RenameTeamForm team={team} />
        </div>
        <span className="text-sm text-stone-600 sm:pt-2">
          {team.members} active {team.members === 1 ? "member" : "members"}
        </span>
      </div>
      <div className={`grid gap-4 text-sm sm:grid-cols-2 ${nameLinks}`}>
        <div className="min-w-0 space-y-2">
          <h4 className="font-medium text-stone-600">Lead</h4>
          <p className="break-words">
            {team.lead ? (
              <>
                <Link href={`/people/${team.lead.id}`}>{team.lead.name}</Link>
                {!team.lead.active && <span className="text-stone-600"> (deactivated)</span>}
              </>
            ) : (
              <span className="text-stone-600">No lead yet</span>
            )}
          </p>
          {leadChoices ? (
            <div className="space-y-2">
              <TeamLeadForm team={team} choices={leadChoices} />
              <Link href={`${pageHref}#team-${team.id}` as Route} className="inline-block text-path hover:underline">
                Done<span className="sr-only"> changing the lead of {team.name}</span>
              </Link>
            </div>
          ) : (
            <Link href={withLead as Route} className="inline-block !font-normal !text-path !no-underline hover:!underline">
              {team.lead ? "Change the lead" : "Choose a lead"}
              <span className="sr-only"> of {team.name}</span>
            </Link>
          )}
        </div>
        <div className="min-w-0 space-y-2">
          <h4 className="font-medium text-stone-600">Members</h4>
          {team.members === 0 ? (
            <p className="text-stone-600">No members yet — assign people to this team on their page.</p>
          ) : (
            <>
              <ul className="flex flex-wrap gap-x-3 gap-y-1 break-words">
                {team.firstMembers.map((m) => (
                  <li key={m.id}>
                    <Link href={`/people/${m.id}`}>{m.name}</Link>
                  </li>
                ))}
              </ul>
              <p>
                <Link href={directoryHref({ ...DEFAULT_DIRECTORY_QUERY, team: team.id }) as Route}>
                  {team.members === 1 ? "The 1 member" : `All ${team.members} members`}
                  <span className="sr-only"> of {team.name}</span>
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
