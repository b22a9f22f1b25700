import type { Metadata } from "next";
import Link from "next/link";
import { PlacementHistory } from "@/components/placements/placement-history";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { isoDate, parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { firstName } from "@/lib/people/names";
import { getPerson, listManagerChoices, listTeamChoices } from "@/lib/data/people";
import { listAssessmentsFor, listCycles } from "@/lib/data/assessments";
import { PersonCases } from "@/components/cases/person-cases";
import { listPlacementHistory, listStepChoices } from "@/lib/data/placements";
import { ActiveForm, EditPersonForm, PasswordLinkForm } from "./edit-person-forms";
import { CorrectPlacement, PlaceForm } from "./placement-forms";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Person" };

const draftStatus = (cycle: { status: "open" | "closed" }) => (cycle.status === "closed" ? "draft, not submitted; the cycle closed" : "draft");

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const person = await orNotFound(getPerson(viewer, id));
  const admin = person.can.manage;
  const [managers, teams] = admin ? await Promise.all([listManagerChoices(viewer), listTeamChoices(viewer)]) : [[], []];
  const months = person.placement ? wholeMonthsBetween(parseIsoDate(person.placement.effectiveOn), new Date()) : null;
  // Only what the viewer may read: submitted ones, and their own drafts.
  const [assessments, cycles, history, stepGroups] = await Promise.all([
    listAssessmentsFor(viewer, person.id),
    listCycles(),
    listPlacementHistory(viewer, person.id),
    person.can.place ? listStepChoices(viewer) : [],
  ]);
  const isDirectManager = person.can.writeManagerAssessment;
  const reviews = cycles
    .map((cycle) => ({
      cycle,
      self: assessments.find((a) => a.cycle.id === cycle.id && a.kind === "self"),
      manager: assessments.find((a) => a.cycle.id === cycle.id && a.kind === "manager"),
    }))
    .filter((r) => r.self || r.manager || (r.cycle.status === "open" && isDirectManager));
  const first = firstName(person.name);

  const reviewsAndCases = (
    <>
      {reviews.length > 0 && (
        <section aria-labelledby="reviews-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id="reviews-heading" className="text-lg font-semibold">
            Reviews
          </h2>
          <ul className="mt-3 divide-y divide-stone-200">
            {reviews.map(({ cycle, self, manager }) => (
              <li key={cycle.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">
                    {cycle.name} {cycle.status === "open" && <span className="ml-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">Open</span>}
                  </p>
                  <p className="text-sm text-stone-600">
                    Self-assessment: {self?.status === "submitted" ? "submitted" : self ? draftStatus(cycle) : "not submitted"} · Manager assessment:{" "}
                    {manager ? (manager.status === "submitted" ? `submitted by ${manager.author.name}` : `your ${draftStatus(cycle)}`) : "not started"}
                  </p>
                </div>
                <Link
                  href={`/people/${person.id}/assessment?cycle=${cycle.id}`}
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50"
                >
                  {isDirectManager && cycle.status === "open" && manager?.status !== "submitted" ? `Assess ${first}` : "Open review"}
                  <span className="sr-only">, {cycle.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PersonCases viewer={viewer} person={person} />
    </>
  );

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
      {/* Admins: what people read on the left, the forms that change it on the right. Everyone else: about on the left, reviews and cases on the right. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <div className="space-y-6">
          <section aria-labelledby="about-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="about-heading" className="text-lg font-semibold">
              About
            </h2>
            <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-stone-600">Email</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]">{person.email}</dd>
              <dt className="text-stone-600">Manager</dt>
              <dd>{person.manager ? <Link href={`/people/${person.manager.id}`} className="text-path hover:underline">{person.manager.name}</Link> : "—"}</dd>
              <dt className="text-stone-600">Team</dt>
              <dd>{person.team?.name ?? "—"}</dd>
              <dt className="text-stone-600">Current step</dt>
              <dd>
                {person.placement ? (
                  <>
                    {person.placement.step} <span className="text-stone-600">since <Day value={person.placement.effectiveOn} /> ({months} months)</span>
                  </>
                ) : (
                  "Not placed on the path"
                )}
              </dd>
            </dl>
            <p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
              <Link href={`/evidence?person=${person.id}`} className="text-path hover:underline">
                {person.id === viewer.id ? "My evidence" : `${first}'s evidence`}
              </Link>
              <Link href={person.id === viewer.id ? "/plan" : `/people/${person.id}/plan`} className="text-path hover:underline">
                {person.id === viewer.id ? "My growth plan" : `${first}'s growth plan`}
              </Link>
            </p>
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
                {person.reportCount > person.reports.length && (
                  <Link href={`/people?manager=${person.id}&active=all`} className="mt-2 inline-block text-sm font-medium text-path hover:underline">
                    All {person.reportCount} reports
                  </Link>
                )}
              </>
            )}
          </section>
          {admin && reviewsAndCases}
        </div>
        <div className="space-y-6">
          {admin ? (
            <>
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
                  {person.active && <PasswordLinkForm person={person} />}
                </div>
              </section>
            </>
          ) : (
            reviewsAndCases
          )}
        </div>
      </div>
      <Section id="placements-heading" title="Placement history">
        <div className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <PlacementHistory entries={history} after={person.can.place ? (entry) => <CorrectPlacement entry={entry} groups={stepGroups} /> : undefined} />
        </div>
        {person.can.place && (
          <section aria-labelledby="place-heading" className="max-w-lg rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h3 id="place-heading" className="mb-3 text-base font-semibold">
              Place on a step
            </h3>
            <PlaceForm personId={person.id} groups={stepGroups} today={isoDate(new Date())} placed={history.length > 0} />
          </section>
        )}
      </Section>
    </div>
  );
}
