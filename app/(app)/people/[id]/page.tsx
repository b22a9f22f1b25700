import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActiveForm, EditPersonForm, PasswordLinkForm } from "@/components/people/edit-person-forms";
import { PageHeader } from "@/components/ui/page-header";
import { canManagePeople, roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { getPerson, listManagerChoices, listTeams } from "@/lib/data/people";
import { AssessmentSummary } from "@/components/assessment/assessment-summary";
import { listAssessmentsFor } from "@/lib/data/assessments";
import { getFrameworkVersion } from "@/lib/data/frameworks";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const person = await getPerson(viewer, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const admin = canManagePeople(viewer);
  const [managers, teams] = admin ? await Promise.all([listManagerChoices(viewer), listTeams(viewer)]) : [[], []];
  const months = person.placement ? wholeMonthsBetween(parseIsoDate(person.placement.effectiveOn), new Date()) : null;
  // Only what the viewer may read: submitted ones, and their own drafts.
  const assessments = (await listAssessmentsFor(viewer, person.id)).filter((a) => a.status === "submitted");
  const versions = new Map(await Promise.all([...new Set(assessments.map((a) => a.versionId))].map(async (v) => [v, await getFrameworkVersion(v)] as const)));

  return (
    <div className="space-y-6">
      <PageHeader
        title={person.name}
        description={
          <>
            {roleLabel[person.role]}
            {person.team && <> · {person.team.name}</>}
            {!person.active && <> · <strong>Deactivated</strong></>}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <section aria-labelledby="about-heading" className="self-start rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id="about-heading" className="text-lg font-semibold">
            About
          </h2>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-stone-600">Email</dt>
            <dd>{person.email}</dd>
            <dt className="text-stone-600">Manager</dt>
            <dd>{person.manager ? <Link href={`/people/${person.manager.id}`} className="text-path hover:underline">{person.manager.name}</Link> : "—"}</dd>
            <dt className="text-stone-600">Team</dt>
            <dd>{person.team?.name ?? "—"}</dd>
            <dt className="text-stone-600">Current step</dt>
            <dd>
              {person.placement ? (
                <>
                  {person.placement.step} <span className="text-stone-600">since {person.placement.effectiveOn} ({months} months)</span>
                </>
              ) : (
                "Not placed on the path"
              )}
            </dd>
          </dl>
          <Link href={`/evidence?person=${person.id}`} className="mt-4 inline-block text-sm font-medium text-path hover:underline">
            {person.id === viewer.id ? "My evidence" : `${person.name.split(" ")[0]}'s evidence`}
          </Link>
          {person.reports.length > 0 && (
            <>
              <h3 className="mt-5 text-sm font-semibold">Reports</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {person.reports.map((r) => (
                  <li key={r.id}>
                    <Link href={`/people/${r.id}`} className="text-path hover:underline">
                      {r.name}
                    </Link>
                    {!r.active && <span className="text-stone-500"> (deactivated)</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {assessments.length > 0 && (
          <section aria-labelledby="assessments-heading" className="self-start rounded-xl border border-stone-200 bg-white p-5 shadow-sm lg:col-start-1">
            <h2 id="assessments-heading" className="text-lg font-semibold">
              Assessments
            </h2>
            <div className="mt-3 space-y-5">
              {assessments.map((a) => (
                <article key={a.id} aria-label={`${a.kind === "self" ? "Self-assessment" : "Manager assessment"}, ${a.cycle.name}`}>
                  <h3 className="text-sm font-semibold">
                    {a.kind === "self" ? "Self-assessment" : `Manager assessment by ${a.author.name}`} · {a.cycle.name}
                  </h3>
                  <p className="mb-2 text-xs text-stone-600">Against framework version {a.versionNumber}</p>
                  <AssessmentSummary assessment={a} names={versions.get(a.versionId)!} />
                </article>
              ))}
            </div>
          </section>
        )}
        {admin && (
          <div className="space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <section aria-labelledby="edit-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
                Role, manager and team
              </h2>
              <EditPersonForm
                person={{ ...person, managerId: person.manager?.id ?? null, teamId: person.team?.id ?? null }}
                managers={managers}
                teams={teams}
              />
            </section>
            <section aria-labelledby="access-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <h2 id="access-heading" className="mb-3 text-lg font-semibold">
                Access
              </h2>
              <div className="space-y-5">
                {person.id !== viewer.id && (
                  <ActiveForm person={{ ...person, managerId: person.manager?.id ?? null, teamId: person.team?.id ?? null }} />
                )}
                {person.active && <PasswordLinkForm personId={person.id} />}
              </div>
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
