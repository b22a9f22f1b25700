import type { Metadata } from "next";
import Link from "next/link";
import { MyCases } from "@/components/cases/my-cases";
import { TimeAtStepView } from "@/components/career/time-at-step";
import { OverdueExperiments } from "@/components/home/overdue-experiments";
import { WaitingForYou } from "@/components/home/waiting-for-you";
import { buttonLinkClass, PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { canListPeople, canSeeTeam } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getWhereNow } from "@/lib/data/career";
import { getManagerHome } from "@/lib/data/team";
import { longDate } from "@/lib/dates";
import { formatTimeframe } from "@/lib/framework/timeframe";
import { firstName } from "@/lib/people/names";

export const metadata: Metadata = { title: "Where you are now" };

/** Where the viewer is on the path; for managers and admins, what waits for them comes first. */
export default async function HomePage() {
  const viewer = await requireViewer();
  const [now, home] = await Promise.all([getWhereNow(viewer, viewer.id), canSeeTeam(viewer) ? getManagerHome(viewer) : null]);
  const waiting = home && <WaitingForYou home={home} />;

  if (!now) {
    return (
      <div className="space-y-8">
        <div>
          <PageHeader title={`Welcome, ${firstName(viewer.name)}`} description="You are not placed on a career path yet." />
          {/* On a phone the links share a grid, in pairs, the first across the whole row when they are odd in number. */}
          <div
            data-testid="home-links"
            className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap [&>*]:justify-center [&>*]:text-center [&>:first-child:nth-last-child(odd)]:col-span-2"
          >
            <Link href="/path" className={primaryLinkClass}>
              See the career path
            </Link>
            <Link href="/plan" className={buttonLinkClass}>
              My growth plan
            </Link>
            {canListPeople(viewer) && (
              <Link href="/people" className={buttonLinkClass}>
                {viewer.role === "admin" ? "People" : "My reports"}
              </Link>
            )}
            {home && home.reports > 0 && (
              <Link href="/team" className={buttonLinkClass}>
                My team
              </Link>
            )}
          </div>
        </div>
        <OverdueExperiments />
        {waiting}
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <PageHeader
        title="Where you are now"
        description={
          <>
            {now.framework.name}, version {now.framework.versionNumber}
            {now.framework.versionStatus === "retired" && " (a retired version)"}
          </>
        }
      />
      <OverdueExperiments />
      {waiting}
      <section aria-labelledby="current-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <p className="text-sm font-medium text-path">Your step</p>
        <h2 id="current-heading" className="mt-1 text-2xl font-semibold tracking-tight text-stone-950">
          {now.step.name}
        </h2>
        <p className="mt-1 text-sm text-stone-600">Since {longDate(now.since)}</p>
        {now.step.summary && <p className="mt-3 max-w-3xl leading-relaxed text-stone-700">{now.step.summary}</p>}
        <div className="mt-5 max-w-xl">
          <TimeAtStepView time={now.time} min={now.step.timeframeMinMonths} max={now.step.timeframeMaxMonths} />
        </div>
        <p className="mt-5 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
          <Link href={`/path#step-${now.step.key}`} className="text-path hover:underline">
            See your step on the whole path
          </Link>
          <Link href="/plan" className="text-path hover:underline">
            Your growth plan: where you are heading, and how
          </Link>
        </p>
      </section>

      <MyCases viewer={viewer} />

      <section aria-labelledby="next-heading" className="space-y-4">
        <h2 id="next-heading" className="text-lg font-semibold">
          {now.next.length === 0
            ? "You are at the end of this path"
            : now.next.length === 1
              ? "The step that opens next"
              : `The path forks here: ${now.next.length} steps open next`}
        </h2>
        <div className={`grid gap-4 ${now.next.length > 1 ? "xl:grid-cols-2" : ""}`}>
          {now.next.map((n) => {
            const timeframe = formatTimeframe(n.step.timeframeMinMonths, n.step.timeframeMaxMonths);
            return (
              <article key={n.step.id} aria-labelledby={`next-${n.step.key}`} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
                <h3 id={`next-${n.step.key}`} className="text-lg font-semibold text-stone-950">
                  → {n.step.name}
                </h3>
                <p className="text-sm text-stone-600">
                  {[n.label, timeframe && `typically ${timeframe} there`].filter(Boolean).join(" · ")}
                </p>
                <h4 className="mt-4 text-sm font-semibold text-stone-800">What it expects beyond your step</h4>
                <dl className="mt-2 space-y-4">
                  {n.changes.map((c) => (
                    <div key={c.dimension.id} className="border-l-2 border-path-soft pl-3">
                      <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{c.dimension.name}</dt>
                      <dd className="mt-1 space-y-1 text-sm">
                        <p>
                          <span className="font-medium text-stone-600">Now: </span>
                          {c.now ?? "Nothing expected yet."}
                        </p>
                        <p>
                          <span className="font-medium text-path">Next: </span>
                          {c.next ?? "Nothing expected."}
                        </p>
                        {c.newExpectations.length > 0 && (
                          <ul className="list-disc space-y-0.5 pl-5 text-stone-700">
                            {c.newExpectations.map((e) => (
                              <li key={e}>{e}</li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </article>
            );
          })}
        </div>
      </section>
    </div>
  );
}
