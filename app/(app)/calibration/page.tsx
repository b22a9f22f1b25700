import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canCalibrate, canRunCalibration } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getSessionChoices, listSessions } from "@/lib/data/calibration";
import { isoDate, longDate } from "@/lib/dates";
import { sessionStatusWord } from "@/lib/promotion/packet";
import { CreateSessionForm } from "./session-forms";

export const metadata: Metadata = { title: "Calibration" };

export default async function CalibrationPage() {
  const viewer = await requireViewer();
  if (!canCalibrate(viewer)) notFound();
  const admin = canRunCalibration(viewer);
  const [sessions, choices] = await Promise.all([listSessions(viewer), admin ? getSessionChoices(viewer) : null]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Calibration"
        description="One session per review cycle compares its proposed promotion cases side by side and records each decision with its rationale."
      />
      <Section id="sessions-heading" title={admin ? "Sessions" : "Sessions you sit in"}>
        {sessions.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
            {admin ? "No calibration session yet. Open one for a review cycle below." : "You sit in no calibration session. An admin adds calibrators when opening one."}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div className="min-w-0">
                  <Link href={`/calibration/${s.id}`} className="font-medium text-path hover:underline">
                    {s.name}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {s.cycle.name} · {longDate(s.heldOn)}
                    {s.cases !== null && ` · ${s.cases} ${s.cases === 1 ? "case" : "cases"}`}
                  </p>
                </div>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-800">
                  {sessionStatusWord[s.status]}
                  {s.status === "closed" && (s.publishedAt ? ", published" : ", not published")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {choices && (
        <section aria-labelledby="new-session-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id="new-session-heading" className="text-lg font-semibold">
            Open a session
          </h2>
          {choices.cycles.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">Every review cycle has its session.{" "}
              <Link href="/cycles" className="font-medium text-path hover:underline">
                Create the next review cycle
              </Link>{" "}
              first.
            </p>
          ) : (
            <div className="mt-3">
              <CreateSessionForm
                cycles={choices.cycles}
                people={choices.people.filter((p) => p.id !== viewer.id)}
                suggestion={{
                  name: `${(choices.cycles.find((c) => c.status === "open") ?? choices.cycles[0])!.name} calibration`,
                  heldOn: isoDate(new Date()),
                  cycleId: (choices.cycles.find((c) => c.status === "open") ?? choices.cycles[0])!.id,
                }}
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
