import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { describeTimeAtStep } from "@/lib/career/where-now";
import type { ManagerHome } from "@/lib/data/team";
import { longDate } from "@/lib/dates";

const calibrationStatus: Record<ManagerHome["calibrations"]["items"][number]["status"], string> = {
  preparing: "Preparing",
  in_session: "In session",
  closed: "Closed",
};

const months = (n: number) => (n === 1 ? "1 month" : `${n} months`);

// Links here are built from ids, and some lead to pages other parts of Waymark add (cases,
// calibration), so they are typed as plain strings rather than checked against the route list.

/** One kind of work waiting: a heading with how many there are, the first few, and what to do when there are none. */
function WaitingCard({
  id,
  title,
  total,
  shown,
  more,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  more?: { href: string; label: string };
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h3 id={id} className="flex items-baseline justify-between gap-3 text-base font-semibold text-stone-900">
        {title}
        <span
          data-testid={`${id}-count`}
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${total > 0 ? "bg-path text-white" : "bg-stone-100 text-stone-700"}`}
        >
          {total}
        </span>
      </h3>
      {total === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{empty}</p>
      ) : (
        <>
          <ul className="mt-3 divide-y divide-stone-100">{children}</ul>
          {total > shown &&
            (more ? (
              <Link href={more.href as Route} className="mt-3 text-sm font-medium text-path hover:underline">
                {more.label} ({total - shown} more)
              </Link>
            ) : (
              <p className="mt-3 text-sm text-stone-600">and {total - shown} more</p>
            ))}
        </>
      )}
    </section>
  );
}

function Item({ href, label, detail }: { href: string; label: ReactNode; detail: ReactNode }) {
  return (
    <li className="py-2 first:pt-0 last:pb-0">
      <Link href={href as Route} className="font-medium text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-path">
        {label}
      </Link>
      <p className="text-sm text-stone-600">{detail}</p>
    </li>
  );
}

const textLink = "font-medium text-path hover:underline";

/**
 * A manager's or admin's work in waiting, each kind bounded: self-assessments to assess, their own
 * drafts, promotion cases in draft, calibrations they sit in and reports past their step's expected time.
 * A kind that cannot apply to the viewer (assessing, with nobody reporting to them directly) is left out.
 */
export function WaitingForYou({ home }: { home: ManagerHome }) {
  const { cycle } = home;
  const reviewOf = (personId: string, cycleId: string) => `/people/${personId}/assessment?cycle=${cycleId}`;
  return (
    <section aria-labelledby="waiting-heading" className="space-y-4">
      <h2 id="waiting-heading" className="text-lg font-semibold text-stone-900">
        What waits for you
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {home.directReports > 0 && (
          <WaitingCard
            id="to-assess"
            title="Self-assessments to assess"
            total={home.toAssess.total}
            shown={home.toAssess.items.length}
            more={{ href: "/team?status=self-submitted", label: "See them on My team" }}
            empty={
              cycle ? (
                <>Nothing to assess. When a direct report submits their self-assessment for {cycle.name}, it appears here.</>
              ) : (
                <>No review cycle is open, so no self-assessments come in. Admins open one on the Review cycles page.</>
              )
            }
          >
            {cycle &&
              home.toAssess.items.map((a) => (
                <Item
                  key={a.person.id}
                  href={reviewOf(a.person.id, cycle.id)}
                  label={a.person.name}
                  detail={
                    <>
                      Submitted {longDate(a.submittedAt)}
                      {a.draftStarted && " · your assessment is in draft"}
                    </>
                  }
                />
              ))}
          </WaitingCard>
        )}
        <WaitingCard
          id="drafts"
          title="Your drafts"
          total={home.drafts.total}
          shown={home.drafts.items.length}
          empty={
            <>
              No drafts in progress{cycle ? ` in ${cycle.name}` : ""}. Your own self-assessment is on the{" "}
              <Link href="/assessment" className={textLink}>
                Self-assessment
              </Link>{" "}
              page.
            </>
          }
        >
          {home.drafts.items.map((d) =>
            d.kind === "self" ? (
              <Item key={d.id} href="/assessment" label="Your self-assessment" detail={<>Last saved {longDate(d.updatedAt)}</>} />
            ) : (
              <Item key={d.id} href={reviewOf(d.person.id, d.cycleId)} label={`Your assessment of ${d.person.name}`} detail={<>Last saved {longDate(d.updatedAt)}</>} />
            ),
          )}
        </WaitingCard>
        <WaitingCard
          id="cases"
          title="Promotion cases to write"
          total={home.cases.total}
          shown={home.cases.items.length}
          empty={
            home.reports > 0 ? (
              <>No promotion case in draft. When someone is ready for the next step, open a case from their page on My team.</>
            ) : (
              <>No promotion case in draft.</>
            )
          }
        >
          {home.cases.items.map((c) => (
            <Item
              key={c.id}
              href={`/cases/${c.id}`}
              label={c.person.name}
              detail={
                <>
                  {c.fromStep} → {c.toStep} · draft, last changed {longDate(c.updatedAt)}
                </>
              }
            />
          ))}
        </WaitingCard>
        <WaitingCard
          id="calibrations"
          title="Calibrations you sit in"
          total={home.calibrations.total}
          shown={home.calibrations.items.length}
          more={{ href: "/calibration", label: "All calibrations" }}
          empty={<>You are not a calibrator in any calibration still to come.</>}
        >
          {home.calibrations.items.map((c) => (
            <Item
              key={c.id}
              href={`/calibration/${c.id}`}
              label={c.name}
              detail={
                <>
                  {calibrationStatus[c.status]} · {longDate(c.heldOn)}
                </>
              }
            />
          ))}
        </WaitingCard>
        {home.reports > 0 && (
          <WaitingCard
            id="overdue"
            title="Past their step's expected time"
            total={home.overdue.total}
            shown={home.overdue.items.length}
            more={{ href: "/team?overdue=1", label: "See everyone overdue on My team" }}
            empty={<>Nobody in your reporting tree is past their step&apos;s expected time.</>}
          >
            {home.overdue.items.map((o) => (
              <Item
                key={o.person.id}
                href={`/people/${o.person.id}`}
                label={o.person.name}
                detail={
                  <>
                    {o.step}: {describeTimeAtStep(o.time)} ·{" "}
                    <span className="font-medium text-amber-900">{months(o.monthsPast)} past</span>
                  </>
                }
              />
            ))}
          </WaitingCard>
        )}
      </div>
    </section>
  );
}
