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

/**
 * The look of every team on the page, set once on the list rather than on each team: the team's
 * heading, its Lead and Members headings, the people's names as links, and the page's own links
 * (rename, lead, done) in the path colour.
 */
const teamList = [
  "divide-y divide-stone-200 [&>li]:scroll-mt-20 [&>li]:space-y-3 [&>li]:px-5 [&>li]:py-4 [&_h3]:min-w-0 [&_h3]:break-words [&_h3]:font-semibold [&_h3]:text-stone-950",
  "[&_h4]:font-medium [&_h4]:text-stone-600 [&_li_li]:break-words",
  "[&_a]:font-medium [&_a]:text-stone-900 [&_a]:underline [&_a]:decoration-stone-300 [&_a]:underline-offset-2 [&_a:hover]:decoration-path",
  "[&_a.own]:font-normal [&_a.own]:text-path [&_a.own]:no-underline [&_a.own:hover]:underline",
].join(" ");

/**
 * Every team with its lead and first members. A team is renamed, and its lead changed, one team at
 * a time (`?rename=<team id>`, `?lead=<team id>`), so the page holds one form and the list of people
 * who may lead once, not once per team.
 */
export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ lead?: string | string[]; rename?: string | string[]; page?: string | string[] }> }) {
  const viewer = await requireViewer();
  if (!canManagePeople(viewer)) notFound();
  const query = await searchParams;
  const oneTeam = (value: string | string[] | undefined) => (typeof value === "string" && isUuid(value) ? value.toLowerCase() : null);
  const editing = oneTeam(query.lead);
  const renaming = oneTeam(query.rename);
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
          <ul className={teamList}>
            {teams.map((t) => (
              <TeamItem key={t.id} team={t} leadChoices={t.id === editing ? leadChoices : null} renaming={t.id === renaming} pageHref={pageHref(page)} />
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

function TeamItem({
  team,
  leadChoices,
  renaming,
  pageHref,
}: {
  team: TeamSummary;
  leadChoices: { id: string; name: string }[] | null;
  renaming: boolean;
  pageHref: string;
}) {
  const withParam = (name: string) => `${pageHref}${pageHref.includes("?") ? "&" : "?"}${name}=${team.id}#team-${team.id}`;
  const back = `${pageHref}#team-${team.id}` as Route;
  return (
    <li id={`team-${team.id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3>{team.name}</h3>
        {!renaming && (
          <Link href={withParam("rename") as Route} className="own text-sm">
            Rename<span className="sr-only">{` ${team.name}`}</span>
          </Link>
        )}
      </div>
      {renaming && (
        <div className="space-y-2 text-sm">
          <RenameTeamForm team={team} />
          <Link href={back} className="own">
            Done<span className="sr-only">{` renaming ${team.name}`}</span>
          </Link>
        </div>
      )}
      <div className="grid gap-4 text-sm sm:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h4>Lead</h4>
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
              <Link href={back} className="own">
                Done<span className="sr-only">{` changing the lead of ${team.name}`}</span>
              </Link>
            </div>
          ) : (
            <Link href={withParam("lead") as Route} className="own">
              {team.lead ? "Change the lead" : "Choose a lead"}
              <span className="sr-only">{` of ${team.name}`}</span>
            </Link>
          )}
        </div>
        <div className="min-w-0 space-y-1">
          <h4>Members</h4>
          {team.members === 0 ? (
            <p className="text-stone-600">No members yet — assign people to this team on their page.</p>
          ) : (
            <>
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {team.firstMembers.map((m) => (
                  <li key={m.id}>
                    <Link href={`/people/${m.id}`}>{m.name}</Link>
                  </li>
                ))}
              </ul>
              <p>
                <Link href={directoryHref({ ...DEFAULT_DIRECTORY_QUERY, team: team.id }) as Route}>
                  {team.members === 1 ? "The 1 member" : `All ${team.members} members`}
                  <span className="sr-only">{` of ${team.name}`}</span>
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
