import Link from "next/link";
import type { ReactNode } from "react";
import { Markdown } from "@/components/ui/markdown";
import { describeGap, describeGapCount } from "@/lib/assessments/gaps";
import type { CaseStatus } from "@/lib/auth/policy";
import type { CaseRow } from "@/lib/data/case-store";
import { evidenceKindLabel } from "@/lib/evidence/schemas";
import { longDate } from "@/lib/dates";
import { outcomeWord, statusWord, type CaseFlag, type Packet, type PacketEvidence } from "@/lib/promotion/packet";
import { stackedBlock, stackedCell, stackedHead, stackedTable } from "@/components/ui/stacked-table";

/** A promotion case as a committee reads it, on screen and on paper: each section starts a printed page. */

const statusStyle: Record<CaseStatus, string> = {
  draft: "bg-stone-100 text-stone-800",
  proposed: "bg-sky-100 text-sky-950",
  withdrawn: "bg-stone-100 text-stone-700",
  approved: "bg-emerald-100 text-emerald-950",
  deferred: "bg-amber-100 text-amber-950",
  declined: "bg-rose-100 text-rose-950",
};

export { statusWord };

export function CaseStatusBadge({ status, published = true }: { status: CaseStatus; published?: boolean }) {
  const decided = status === "approved" || status === "deferred" || status === "declined";
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${statusStyle[status]}`}>
      {statusWord[status]}
      {decided && !published ? ", not published" : ""}
    </span>
  );
}

const flagStyle: Record<CaseFlag["kind"], string> = {
  gap: "border-amber-300 bg-amber-50 text-amber-950",
  "too-soon": "border-sky-300 bg-sky-50 text-sky-950",
  "long-past": "border-violet-300 bg-violet-50 text-violet-950",
  unbacked: "border-rose-300 bg-rose-50 text-rose-950",
};

export function CaseFlags({ flags }: { flags: CaseFlag[] }) {
  if (flags.length === 0) return <p className="text-sm text-stone-600">No flags.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Flags">
      {flags.map((f) => (
        <li key={f.text} className={`rounded-md border px-2 py-1 text-xs font-medium ${flagStyle[f.kind]}`}>
          {f.text}
        </li>
      ))}
    </ul>
  );
}

function PacketSection({ id, title, children, first = false }: { id: string; title: string; children: ReactNode; first?: boolean }) {
  return (
    <section aria-labelledby={id} className={`rounded-xl border border-stone-200 bg-white p-5 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none ${first ? "" : "print:break-before-page"}`}>
      <h2 id={id} className="text-lg font-semibold text-stone-950">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function EvidenceList({ items }: { items: PacketEvidence[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {items.map((e) => (
        <li key={e.id} className="min-w-0 break-words">
          <Link href={`/evidence/${e.id}`} className="font-medium text-path hover:underline">
            {e.title}
          </Link>{" "}
          <span className="text-stone-600">
            · {evidenceKindLabel[e.kind]} · {longDate(e.occurredOn)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The target step cell by cell, with the evidence behind each; a cell with none stands out. */
export function TargetCells({ packet, headingLevel = 3 }: { packet: Packet; headingLevel?: 3 | 4 | 5 }) {
  const H = (`h${headingLevel}` as "h3" | "h4" | "h5");
  return (
    <div className="space-y-4">
      {packet.cells.map((x) => (
        <div
          key={x.dimension.id}
          data-testid={`target-cell-${x.dimension.key}`}
          className={`break-inside-avoid rounded-lg border p-3 ${x.cell && x.evidence.length === 0 ? "border-rose-300 bg-rose-50/60" : "border-stone-200"}`}
        >
          <H className="text-sm font-semibold text-stone-900">{x.dimension.name}</H>
          {x.cell ? (
            <>
              {x.cell.summary && <p className="mt-1 text-sm text-stone-700">{x.cell.summary}</p>}
              {x.cell.expectations.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-stone-700">
                  {x.cell.expectations.map((e) => (
                    <li key={e.text}>{e.text}</li>
                  ))}
                </ul>
              )}
              <div className="mt-2">
                {x.evidence.length ? (
                  <EvidenceList items={x.evidence} />
                ) : (
                  <p className="text-sm font-semibold text-rose-900">No evidence for this cell.</p>
                )}
              </div>
            </>
          ) : (
            <p className="mt-1 text-sm text-stone-600">Nothing expected on this dimension at this step.</p>
          )}
        </div>
      ))}
      {packet.otherEvidence.length > 0 && (
        <div className="rounded-lg border border-stone-200 p-3">
          <H className="text-sm font-semibold text-stone-900">Other evidence</H>
          <p className="mb-1 text-xs text-stone-600">Picked for the case, linked to no cell of {packet.to.name}.</p>
          <EvidenceList items={packet.otherEvidence} />
        </div>
      )}
    </div>
  );
}

/** Self beside manager per dimension, with the gap in words. */
export function GapTable({ packet }: { packet: Packet }) {
  return (
    <>
      <p className="text-sm text-stone-700">
        Self-assessment: {packet.self ? `${packet.self.cycleName}, submitted ${longDate(packet.self.submittedAt)}` : "none submitted"}.
        {" "}Manager assessment: {packet.manager ? `${packet.manager.cycleName}, submitted ${longDate(packet.manager.submittedAt)}` : "none submitted"}.{" "}
        <strong>{describeGapCount(packet.gaps.gapCount)}.</strong>
      </p>
      <table className={`${stackedTable} mt-3 sm:table-fixed`}>
        <thead className={`${stackedHead} text-xs uppercase tracking-wide text-stone-600`}>
          <tr>
            <th scope="col" className="w-1/4 py-2 pr-2 font-semibold">Dimension</th>
            <th scope="col" className="py-2 pr-2 font-semibold">Self</th>
            <th scope="col" className="py-2 pr-2 font-semibold">Manager</th>
            <th scope="col" className="py-2 font-semibold">Gap</th>
          </tr>
        </thead>
        <tbody className={stackedBlock}>
          {packet.gaps.dimensions.map((g) => {
            const gap = describeGap(g.comparison);
            return (
              <tr key={g.dimension.id} className="border-t border-stone-200 align-top max-sm:block max-sm:py-2">
                <th scope="row" className="py-2 pr-2 font-medium break-words max-sm:block max-sm:py-0.5">{g.dimension.name}</th>
                <td data-label="Self" className={`${stackedCell} sm:pl-0 sm:pr-2 break-words`}>
                  <span className="min-w-0">{g.self?.name ?? "—"}</span>
                </td>
                <td data-label="Manager" className={`${stackedCell} sm:pl-0 sm:pr-2 break-words`}>
                  <span className="min-w-0">{g.manager?.name ?? "—"}</span>
                </td>
                <td data-label="Gap" className={`${stackedCell} sm:px-0 break-words ${gap.tone === "gap" ? "font-semibold text-amber-900" : "text-stone-700"}`}>
                  <span className="min-w-0">{gap.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The whole packet: who and where, the target step with its evidence, self beside manager, the narrative, the decision. */
export function CasePacket({ c, packet, decision }: { c: CaseRow; packet: Packet; decision: CaseRow["decision"] }) {
  return (
    <div className="space-y-6 print:space-y-0">
      <PacketSection id="packet-who" title="Who, and where they stand" first>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
          <dt className="text-stone-600">Person</dt>
          <dd className="min-w-0 break-words">
            {c.subject.name}
            {c.subject.team && <span className="text-stone-600"> · {c.subject.team.name}</span>}
          </dd>
          <dt className="text-stone-600">Current step</dt>
          <dd>
            {packet.from.name}
            {packet.since && <span className="text-stone-600"> since {longDate(packet.since)}</span>}
            {packet.time && (
              <span className={`block ${packet.time.status === "beyond" ? "font-semibold text-amber-900" : "text-stone-600"}`}>
                {packet.time.months} {packet.time.months === 1 ? "month" : "months"} there{packet.time.expected ? `, expected ${packet.time.expected}` : ""}
              </span>
            )}
          </dd>
          <dt className="text-stone-600">Proposed step</dt>
          <dd>
            {packet.to.name}
            {packet.route && <span className="text-stone-600"> · {packet.route}</span>}
          </dd>
          <dt className="text-stone-600">Review cycle</dt>
          <dd>{c.cycle.name}</dd>
          <dt className="text-stone-600">Framework</dt>
          <dd>
            {packet.framework.name}, version {packet.framework.versionNumber}
          </dd>
          <dt className="text-stone-600">Proposed by</dt>
          <dd>{c.proposedBy ? `${c.proposedBy.name}, ${longDate(c.proposedAt!)}` : `Not proposed yet (opened by ${c.createdBy.name})`}</dd>
        </dl>
        <h3 className="mt-4 text-sm font-semibold">Flags</h3>
        <div className="mt-1">
          <CaseFlags flags={packet.flags} />
        </div>
      </PacketSection>

      <PacketSection id="packet-target" title={`What ${packet.to.name} expects, and the evidence`}>
        <TargetCells packet={packet} />
      </PacketSection>

      <PacketSection id="packet-gaps" title="Self-assessment beside manager assessment">
        <GapTable packet={packet} />
      </PacketSection>

      <PacketSection id="packet-narrative" title="Narrative">
        {c.narrative.trim() ? <Markdown>{c.narrative}</Markdown> : <p className="text-sm text-stone-600">No narrative written yet.</p>}
      </PacketSection>

      {decision && (
        <PacketSection id="packet-decision" title="Decision">
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-lg border border-stone-200 p-3">
              <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">Proposed</p>
              <p className="mt-1 text-sm">
                {packet.from.name} → {packet.to.name}
              </p>
              {c.proposedBy && <p className="text-sm text-stone-600">by {c.proposedBy.name}</p>}
            </div>
            <div className="rounded-lg border border-stone-200 p-3">
              <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">Decided</p>
              <p className="mt-1 text-sm font-semibold">
                {outcomeWord[decision.outcome]}
                {decision.outcome === "approved" && decision.effectiveOn && `, effective ${longDate(decision.effectiveOn)}`}
              </p>
              <p className="text-sm text-stone-600">
                by {decision.by?.name ?? "a former member"}, {longDate(decision.at)}
              </p>
            </div>
          </div>
          <h3 className="mt-4 text-sm font-semibold">Rationale</h3>
          <div className="mt-1">
            <Markdown>{decision.rationale}</Markdown>
          </div>
        </PacketSection>
      )}
    </div>
  );
}
