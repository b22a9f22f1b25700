import type { Metadata } from "next";
import Link from "next/link";
import { DistributionChart, type DistributionRow } from "@/components/calibration/distribution-chart";
import { CaseFlags, CaseStatusBadge, TargetCells } from "@/components/cases/case-packet";
import { Markdown } from "@/components/ui/markdown";
import { inputClass } from "@/components/ui/form";
import { requireViewer } from "@/lib/auth/session";
import { getBoard, SMALLEST_GROUP, type Board, type BoardCase } from "@/lib/data/calibration";
import { getFrameworkVersion } from "@/lib/data/frameworks";
import { describeGap } from "@/lib/assessments/gaps";
import { isoDate, longDate } from "@/lib/dates";
import { orNotFound } from "@/lib/pages";
import { outcomeWord, sessionStatusWord } from "@/lib/promotion/packet";
import { stanceLabel } from "@/lib/promotion/choices";
import { isUuid } from "@/lib/validation";
import { DecideForm, SessionControl, VoteForm } from "../session-forms";

export const metadata: Metadata = { title: "Calibration session" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && isUuid(v) ? v : undefined);

/** The first day of next month: the usual date a promotion takes effect. */
function nextMonthStart(today: Date) {
  return isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)));
}

export default async function SessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  const filter = { team: one(query.team), step: one(query.step) };
  const board = await orNotFound(getBoard(viewer, id, filter));
  const { session } = board;
  const admin = viewer.role === "admin";
  const version = board.distribution.versionId ? await getFrameworkVersion(viewer, board.distribution.versionId).catch(() => null) : null;
  const groups = groupByTarget(board.cases);
  const effective = nextMonthStart(new Date());
  const stepName = (stepId: string) => version?.steps.find((s) => s.id === stepId)?.name ?? board.targets.find((t) => t.id === stepId)?.name ?? "Another step";

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-medium text-path">
            <Link href="/calibration" className="hover:underline">
              Calibration
            </Link>{" "}
            · {session.cycle.name}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words">{session.name}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {longDate(session.heldOn)} · <strong className="font-semibold text-stone-800">{sessionStatusWord[session.status]}</strong>
            {session.status === "closed" && (session.publishedAt ? ` · outcomes published ${longDate(session.publishedAt)}` : " · outcomes not published yet")}
          </p>
          <p className="mt-1 text-sm text-stone-600">Calibrators: {session.calibrators.map((c) => c.name).join(", ")}</p>
        </div>
        {admin && (
          <div className="print:hidden">
            {session.status === "preparing" && <SessionControl kind="start" session={session} />}
            {session.status === "in_session" && <SessionControl kind="close" session={session} />}
            {session.status === "closed" && !session.publishedAt && <SessionControl kind="publish" session={session} />}
          </div>
        )}
      </div>

      <p className="max-w-3xl text-sm text-stone-700">
        {session.status === "preparing"
          ? "Before the meeting, record your pre-vote on each case: support, question or against, with a note. Nobody sees the others' votes until an admin starts the session."
          : session.status === "in_session"
            ? "The session is running: every pre-vote is visible. Decide each case with a rationale; a decided case is locked."
            : "The session is closed and its decisions are locked."}
      </p>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:hidden" aria-label="Filter cases">
        <div className="space-y-1">
          <label htmlFor="filter-team" className="block text-sm font-medium">
            Team
          </label>
          <select id="filter-team" name="team" defaultValue={filter.team ?? ""} className={inputClass}>
            <option value="">All teams</option>
            {board.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-step" className="block text-sm font-medium">
            Target step
          </label>
          <select id="filter-step" name="step" defaultValue={filter.step ?? ""} className={inputClass}>
            <option value="">All steps</option>
            {board.targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-stone-50">
          Show
        </button>
        <p className="text-sm text-stone-600" data-testid="case-count">
          {board.cases.length === board.totalCases ? `${board.totalCases} ${board.totalCases === 1 ? "case" : "cases"}` : `${board.cases.length} of ${board.totalCases} cases`}
        </p>
      </form>

      <section aria-labelledby="cases-heading" className="space-y-4">
        <h2 id="cases-heading" className="text-lg font-semibold">
          Cases by target step
        </h2>
        {groups.length === 0 && (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
            {board.totalCases === 0 ? "No case has been proposed in this cycle yet. Managers propose cases from their reports' pages." : "No case matches these filters."}
          </p>
        )}
        {groups.map(([toStepId, cases]) => (
          <details key={toStepId} open={groups.length <= 6} className="group rounded-xl border border-stone-200 bg-white shadow-sm">
            <summary className="cursor-pointer list-none p-4 text-base font-semibold marker:hidden">
              <span aria-hidden className="mr-2 inline-block transition group-open:rotate-90">
                ▸
              </span>
              <h3 className="inline">
                To {stepName(toStepId)} <span className="font-normal text-stone-600">· {cases.length} {cases.length === 1 ? "case" : "cases"}</span>
              </h3>
            </summary>
            <div className="space-y-5 border-t border-stone-200 p-4">
              <SideBySide cases={cases} />
              <ReferenceBlock board={board} stepId={toStepId} stepName={stepName(toStepId)} dimensions={cases[0]?.packet?.cells.map((c) => c.dimension) ?? []} />
              <div className="grid gap-4 xl:grid-cols-2">
                {cases.map((c) => (
                  <CaseCard key={c.id} c={c} sessionId={session.id} effective={effective} />
                ))}
              </div>
            </div>
          </details>
        ))}
      </section>

      <Distribution board={board} stepOrder={version?.steps ?? []} />
    </div>
  );
}

function groupByTarget(cases: BoardCase[]): [string, BoardCase[]][] {
  const groups = new Map<string, BoardCase[]>();
  for (const c of cases) groups.set(c.toStepId, [...(groups.get(c.toStepId) ?? []), c]);
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

/** Cases to one step, dimension by dimension: self, manager and the evidence on the target cell. */
function SideBySide({ cases }: { cases: BoardCase[] }) {
  const dims = cases[0]?.packet?.cells ?? [];
  return (
    // Several cases side by side need the width of a laptop: on a phone the table scrolls in its own
    // box, which says so and takes the keyboard's arrows once focused.
    <div className="space-y-1">
      {cases.length > 1 && <p className="text-xs text-stone-600 sm:hidden">Scroll the table sideways to see every case.</p>}
      <div className="overflow-x-auto" tabIndex={cases.length > 1 ? 0 : undefined} role={cases.length > 1 ? "region" : undefined} aria-label={cases.length > 1 ? "Cases side by side" : undefined}>
      <table className={`w-full border-collapse text-left text-sm ${cases.length > 1 ? "min-w-[32rem]" : ""}`} data-testid="side-by-side">
        <caption className="sr-only">Cases side by side, dimension by dimension</caption>
        <thead>
          <tr className="text-xs uppercase tracking-wide text-stone-600">
            <th scope="col" className="w-40 py-2 pr-3 font-semibold">
              Dimension
            </th>
            {cases.map((c) => (
              <th key={c.id} scope="col" className="py-2 pr-3 font-semibold normal-case">
                <Link href={`/cases/${c.id}`} className="text-sm text-path hover:underline">
                  {c.subject.name}
                </Link>
                <span className="block font-normal text-stone-600">from {c.packet?.from.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dims.map((d) => (
            <tr key={d.dimension.id} className="border-t border-stone-200 align-top">
              <th scope="row" className="py-2 pr-3 font-medium">
                {d.dimension.name}
              </th>
              {cases.map((c) => {
                const gap = c.packet?.gaps.dimensions.find((g) => g.dimension.id === d.dimension.id);
                const cell = c.packet?.cells.find((x) => x.dimension.id === d.dimension.id);
                const described = gap ? describeGap(gap.comparison) : null;
                return (
                  <td key={c.id} className="py-2 pr-3">
                    <span className="block">Self: {gap?.self?.name ?? "—"}</span>
                    <span className="block">Manager: {gap?.manager?.name ?? "—"}</span>
                    {described?.tone === "gap" && <span className="block text-xs font-semibold text-amber-900">{described.text}</span>}
                    {cell?.cell && (
                      <span className={`block text-xs ${cell.evidence.length ? "text-stone-600" : "font-semibold text-rose-900"}`}>
                        {cell.evidence.length ? `${cell.evidence.length} evidence ${cell.evidence.length === 1 ? "item" : "items"}` : "No evidence"}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

/** The people already at the step, and how their latest manager assessments placed them. */
function ReferenceBlock({ board, stepId, stepName, dimensions }: { board: Board; stepId: string; stepName: string; dimensions: { id: string; name: string }[] }) {
  const ref = board.references.find((r) => r.stepId === stepId);
  if (!ref || (ref.people === 0 && ref.names.length === 0)) return <p className="text-sm text-stone-600">Nobody is at {stepName} yet: there is no reference to compare with.</p>;
  const hidden = ref.others;
  const name = (id: string) => board.targets.find((t) => t.id === id)?.name ?? board.cases.flatMap((c) => c.packet?.gaps.dimensions ?? []).flatMap((g) => [g.self, g.manager]).find((s) => s?.id === id)?.name ?? "another step";
  return (
    <div className="rounded-lg bg-stone-50 p-3 text-sm" data-testid={`reference-${stepId}`}>
      <p className="font-medium">
        Already at {stepName}: {ref.people === null ? `fewer than ${SMALLEST_GROUP} people you may not read, and those below` : `${ref.people} ${ref.people === 1 ? "person" : "people"}`}
      </p>
      {ref.names.length > 0 && (
        <p className="text-stone-700">
          {ref.names.map((n, i) => (
            <span key={n.id}>
              {i > 0 && ", "}
              <Link href={`/people/${n.id}`} className="text-path hover:underline">
                {n.name}
              </Link>
            </span>
          ))}
          {hidden ? ` and ${hidden} more` : ""}
        </p>
      )}
      {ref.placedAs ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_minmax(0,1fr)]">
          {dimensions.map((d) => (
            <div key={d.id} className="contents">
              <dt className="text-stone-600">{d.name}</dt>
              <dd>
                {(ref.placedAs!.get(d.id) ?? []).map((p) => `${name(p.stepId)} × ${p.count}`).join(", ") || "no manager assessment yet"}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-1 text-stone-600">Too few people you may not read have a manager assessment at this step: their placements are not shown as an aggregate.</p>
      )}
    </div>
  );
}

function CaseCard({ c, sessionId, effective }: { c: BoardCase; sessionId: string; effective: string }) {
  const packet = c.packet;
  return (
    <article aria-labelledby={`case-${c.id}`} className="min-w-0 rounded-lg border border-stone-200 p-4" data-testid="calibration-case">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h4 id={`case-${c.id}`} className="font-semibold break-words">
            <Link href={`/cases/${c.id}`} className="text-path hover:underline">
              {c.subject.name}
            </Link>
          </h4>
          <p className="text-sm text-stone-600">
            {c.subject.team?.name ?? "No team"} · {packet?.from.name} → {packet?.to.name}
            {packet?.time && ` · ${packet.time.months} months at step${packet.time.expected ? ` (expected ${packet.time.expected})` : ""}`}
          </p>
          <p className="text-sm text-stone-600">Proposed by {c.proposedBy?.name ?? "—"}</p>
        </div>
        <CaseStatusBadge status={c.status} />
      </div>
      {packet && (
        <div className="mt-3">
          <CaseFlags flags={packet.flags} />
        </div>
      )}
      {c.visibleDecision ? (
        <div className="mt-3 grid gap-2 rounded-md bg-stone-50 p-3 text-sm sm:grid-cols-2">
          <p>
            <span className="block text-xs font-semibold uppercase tracking-wide text-stone-600">Proposed</span>
            {packet?.from.name} → {packet?.to.name}
          </p>
          <div>
            <span className="block text-xs font-semibold uppercase tracking-wide text-stone-600">Decided</span>
            <p className="font-semibold">
              {outcomeWord[c.visibleDecision.outcome]}
              {c.visibleDecision.effectiveOn && `, effective ${longDate(c.visibleDecision.effectiveOn)}`}
            </p>
            <p className="text-stone-600">by {c.visibleDecision.by?.name ?? "a former member"}</p>
          </div>
          <div className="sm:col-span-2">
            <Markdown>{c.visibleDecision.rationale}</Markdown>
          </div>
        </div>
      ) : null}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-path">Target cells and evidence</summary>
        <div className="mt-2">{packet && <TargetCells packet={packet} headingLevel={5} />}</div>
      </details>
      <div className="mt-3">
        <h5 className="text-sm font-semibold">Pre-votes</h5>
        {c.votes.length === 0 ? (
          <p className="text-sm text-stone-600">None {c.can.vote ? "yet" : "to show"}.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {c.votes.map((v) => (
              <li key={v.voter.id} className="min-w-0 break-words">
                <span className="font-medium">{v.voter.name}</span>: {stanceLabel[v.stance]}
                {v.note && <span className="text-stone-700"> — {v.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {c.can.vote && (
        <div className="mt-3 border-t border-stone-200 pt-3 print:hidden">
          <VoteForm sessionId={sessionId} caseId={c.id} subject={c.subject.name} mine={c.myVote} />
        </div>
      )}
      {c.can.decide && (
        <div className="mt-3 border-t border-stone-200 pt-3 print:hidden">
          <DecideForm sessionId={sessionId} c={{ id: c.id, revision: c.revision, subject: c.subject.name, to: packet?.to.name ?? "the proposed step" }} defaultDate={effective} />
        </div>
      )}
    </article>
  );
}

function Distribution({ board, stepOrder }: { board: Board; stepOrder: { id: string; name: string }[] }) {
  const d = board.distribution;
  if (!d.versionId || stepOrder.length === 0) return null;
  const small = (n: number) => !d.showSmall && n > 0 && n < SMALLEST_GROUP;
  const countAt = (teamId: string | null | undefined, stepId: string) => {
    const inScope = <T extends { teamId: string | null }>(r: T) => teamId === undefined || r.teamId === teamId;
    const now = d.now.filter((r) => inScope(r) && r.stepId === stepId).reduce((n, r) => n + r.count, 0);
    const moves = d.moves.filter(inScope);
    return { now, projected: now - moves.filter((m) => m.fromStepId === stepId).length + moves.filter((m) => m.toStepId === stepId).length };
  };
  const teamIds = [...new Set(d.now.map((r) => r.teamId))];
  // A total is hidden too wherever a team's number is, or the team's could be read back by subtraction.
  const anyTeamHidden = (stepId: string, kind: "now" | "projected") => teamIds.some((t) => small(countAt(t, stepId)[kind]));
  const rowsFor = (teamId: string | null | undefined) =>
    stepOrder.map((s): DistributionRow => {
      const { now, projected } = countAt(teamId, s.id);
      const hidden = (n: number, kind: "now" | "projected") => small(n) || (teamId === undefined && anyTeamHidden(s.id, kind));
      const shownNow = hidden(now, "now") ? null : now;
      return { label: s.name, now: shownNow, projected: shownNow === null || hidden(projected, "projected") ? null : projected };
    });
  // A chart per team whose people have a case here: the teams calibrators compare; the whole
  // organisation is the first chart. An organisation of hundreds of teams draws a handful.
  const moving = new Set(d.moves.map((m) => m.teamId));
  const teams = new Map<string | null, string>();
  for (const r of d.now) if (moving.has(r.teamId)) teams.set(r.teamId, r.teamName ?? "No team");
  const teamSize = (teamId: string | null) => d.now.filter((r) => r.teamId === teamId).reduce((n, r) => n + r.count, 0);
  return (
    <section aria-labelledby="distribution-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="distribution-heading" className="text-lg font-semibold">
          Distribution of people per step
        </h2>
        <p className="text-sm text-stone-600">
          Now, and if every case still proposed were approved: the whole organisation, then each team with a case here.{" "}
          {d.showSmall ? "Groups of any size are shown to admins." : `Groups of fewer than ${SMALLEST_GROUP} people are not shown.`}
        </p>
      </div>
      <DistributionChart id="distribution-all" title="Whole organisation" rows={rowsFor(undefined)} />
      <div className="grid gap-6 lg:grid-cols-2">
        {[...teams].map(([teamId, name]) => (
          <div key={teamId ?? "none"}>
            <h3 className="text-sm font-semibold">{name}</h3>
            {d.showSmall || teamSize(teamId) >= SMALLEST_GROUP ? (
              <DistributionChart id={`distribution-${teamId ?? "none"}`} title={name} rows={rowsFor(teamId)} />
            ) : (
              <p className="text-sm text-stone-600">Fewer than {SMALLEST_GROUP} people: not shown.</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
