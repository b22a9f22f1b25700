/**
 * What a committee reads about one promotion case: the person, where they stand and for how long,
 * the target step cell by cell with the evidence behind each cell, the self- and manager
 * assessments side by side, and the flags worth a question. Pure: the case page, the printable
 * packet, its Markdown download and the calibration board all read the same model.
 */
import { computeGaps, describeGap, type GapReport } from "@/lib/assessments/gaps";
import { timeAtStep, type TimeAtStep } from "@/lib/career/where-now";
import { longDate, parseIsoDate, wholeMonthsBetween } from "@/lib/dates";
import { evidenceKindLabel } from "@/lib/evidence/schemas";
import { markdownInline } from "@/lib/markdown-text";

type Step = { id: string; key: string; name: string; summary: string; timeframeMinMonths: number | null; timeframeMaxMonths: number | null };
type Version = {
  framework: { name: string };
  version: { number: number };
  steps: Step[];
  dimensions: { id: string; key: string; name: string; group: string | null }[];
  transitions: { fromStepId: string; toStepId: string; label: string }[];
  cells: { id: string; stepId: string; dimensionId: string; summary: string; expectations: { text: string; examples: string[] }[] }[];
};

export type PacketEvidence = { id: string; title: string; kind: keyof typeof evidenceKindLabel; occurredOn: string; link: string | null; cellIds: string[] };
export type PacketAssessment = { submittedAt: Date; cycleName: string; ratings: { dimensionId: string; stepId: string | null }[] };

export type PacketCell = {
  dimension: { id: string; key: string; name: string };
  cell: { id: string; summary: string; expectations: { text: string; examples: string[] }[] } | null;
  evidence: PacketEvidence[];
};

export type CaseFlag = { kind: "gap" | "too-soon" | "long-past" | "unbacked"; text: string };

export type Packet = {
  framework: { name: string; versionNumber: number };
  from: Step;
  to: Step;
  /** The transition's label, e.g. "broader across teams". */
  route: string;
  since: string | null;
  time: TimeAtStep | null;
  cells: PacketCell[];
  /** Evidence picked for the case that proves none of the target step's cells. */
  otherEvidence: PacketEvidence[];
  self: PacketAssessment | null;
  manager: PacketAssessment | null;
  gaps: GapReport;
  flags: CaseFlag[];
};

/** Far past the expected time: more than half as long again as the longest expected. */
const longPast = (months: number, max: number | null) => max !== null && months > max + Math.max(6, Math.ceil(max / 2));

export function buildPacket(
  version: Version,
  c: { fromStepId: string; toStepId: string },
  input: { since: string | null; evidence: PacketEvidence[]; self: PacketAssessment | null; manager: PacketAssessment | null },
  today: Date,
): Packet | null {
  const from = version.steps.find((s) => s.id === c.fromStepId);
  const to = version.steps.find((s) => s.id === c.toStepId);
  if (!from || !to) return null;
  const route = version.transitions.find((t) => t.fromStepId === from.id && t.toStepId === to.id)?.label ?? "";
  const months = input.since ? wholeMonthsBetween(parseIsoDate(input.since), today) : null;
  const time = months === null ? null : timeAtStep(months, from);

  const cells: PacketCell[] = version.dimensions.map((d) => {
    const cell = version.cells.find((x) => x.stepId === to.id && x.dimensionId === d.id) ?? null;
    return {
      dimension: { id: d.id, key: d.key, name: d.name },
      cell: cell && (cell.summary || cell.expectations.length) ? { id: cell.id, summary: cell.summary, expectations: cell.expectations } : null,
      evidence: cell ? input.evidence.filter((e) => e.cellIds.includes(cell.id)) : [],
    };
  });
  const targetCellIds = new Set(cells.flatMap((x) => (x.cell ? [x.cell.id] : [])));
  const otherEvidence = input.evidence.filter((e) => !e.cellIds.some((id) => targetCellIds.has(id)));
  const gaps = computeGaps(version, input.self?.ratings ?? [], input.manager?.ratings ?? []);

  const flags: CaseFlag[] = [];
  for (const g of gaps.dimensions) {
    const far = g.comparison.kind === "apart" || ((g.comparison.kind === "ahead" || g.comparison.kind === "behind") && g.comparison.by >= 2);
    if (far) flags.push({ kind: "gap", text: `${g.dimension.name}: self and manager far apart (${describeGap(g.comparison).text.toLowerCase()})` });
  }
  if (time && from.timeframeMinMonths !== null && time.months < from.timeframeMinMonths) {
    flags.push({ kind: "too-soon", text: `${plural(time.months, "month")} at ${from.name}, below the expected minimum of ${plural(from.timeframeMinMonths, "month")}` });
  }
  if (time && longPast(time.months, from.timeframeMaxMonths)) {
    flags.push({ kind: "long-past", text: `${plural(time.months, "month")} at ${from.name}, far past the expected ${time.expected}` });
  }
  for (const x of cells) {
    if (x.cell && x.evidence.length === 0) flags.push({ kind: "unbacked", text: `${x.dimension.name} at ${to.name}: no evidence` });
  }
  return {
    framework: { name: version.framework.name, versionNumber: version.version.number },
    from,
    to,
    route,
    since: input.since,
    time,
    cells,
    otherEvidence,
    self: input.self,
    manager: input.manager,
    gaps,
    flags,
  };
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export const statusWord = {
  draft: "Draft",
  proposed: "Proposed",
  withdrawn: "Withdrawn",
  approved: "Approved",
  deferred: "Deferred",
  declined: "Declined",
} as const;

export const sessionStatusWord = { preparing: "Preparing: pre-votes open", in_session: "In session", closed: "Closed" } as const;

export const outcomeWord = { approved: "Approved", deferred: "Deferred", declined: "Declined" } as const;

/**
 * Text people wrote (a narrative, a rationale), as written: in a fence longer than any run of
 * tildes inside it, so no HTML, link or image in it is rendered by whatever opens the file.
 */
function fenced(text: string): string {
  const body = text.replace(/\r\n?/g, "\n").trim();
  const longest = Math.max(2, ...[...body.matchAll(/~+/g)].map((m) => m[0].length));
  const fence = "~".repeat(longest + 1);
  return `${fence}markdown\n${body}\n${fence}`;
}

/** One line of plain text: no line breaks, and the characters Markdown would read as markup escaped. */
const inline = markdownInline;

export type PacketHeader = {
  subject: { name: string; team: string | null };
  cycle: string;
  status: string;
  proposedBy: string | null;
  narrative: string;
  decision: { outcome: keyof typeof outcomeWord; rationale: string; by: string | null; at: Date; effectiveOn: string | null } | null;
};

/** The packet as a Markdown document, for the committee's own archive. */
export function packetMarkdown(header: PacketHeader, p: Packet, origin: string): string {
  const out: string[] = [];
  out.push(`# Promotion case: ${inline(header.subject.name)}`, "");
  out.push(`- **From:** ${inline(p.from.name)}${p.time ? ` (${plural(p.time.months, "month")} there${p.time.expected ? `, expected ${p.time.expected}` : ""})` : ""}`);
  out.push(`- **To:** ${inline(p.to.name)}${p.route ? ` — ${inline(p.route)}` : ""}`);
  if (header.subject.team) out.push(`- **Team:** ${inline(header.subject.team)}`);
  out.push(`- **Review cycle:** ${inline(header.cycle)}`);
  out.push(`- **Framework:** ${inline(p.framework.name)}, version ${p.framework.versionNumber}`);
  out.push(`- **Status:** ${header.status}${header.proposedBy ? `, proposed by ${inline(header.proposedBy)}` : ""}`);
  if (p.since) out.push(`- **At ${inline(p.from.name)} since:** ${longDate(p.since)}`);
  out.push("");

  if (p.flags.length) {
    out.push("## Flags", "");
    for (const f of p.flags) out.push(`- ${inline(f.text)}`);
    out.push("");
  }

  out.push(`## What ${inline(p.to.name)} expects, and the evidence`, "");
  for (const x of p.cells) {
    out.push(`### ${inline(x.dimension.name)}`, "");
    if (!x.cell) {
      out.push("_Nothing expected on this dimension at this step._", "");
      continue;
    }
    if (x.cell.summary) out.push(inline(x.cell.summary), "");
    for (const e of x.cell.expectations) out.push(`- ${inline(e.text)}`);
    if (x.cell.expectations.length) out.push("");
    if (x.evidence.length === 0) out.push("**No evidence for this cell.**", "");
    else {
      out.push("Evidence:", "");
      for (const e of x.evidence) out.push(evidenceLine(e, origin));
      out.push("");
    }
  }
  if (p.otherEvidence.length) {
    out.push("### Other evidence", "");
    for (const e of p.otherEvidence) out.push(evidenceLine(e, origin));
    out.push("");
  }

  out.push("## Self-assessment beside manager assessment", "");
  out.push(
    `Self: ${p.self ? `${inline(p.self.cycleName)}, submitted ${longDate(p.self.submittedAt)}` : "none submitted"}. ` +
      `Manager: ${p.manager ? `${inline(p.manager.cycleName)}, submitted ${longDate(p.manager.submittedAt)}` : "none submitted"}.`,
    "",
  );
  out.push("| Dimension | Self | Manager | Gap |", "|---|---|---|---|");
  for (const g of p.gaps.dimensions) {
    out.push(`| ${inline(g.dimension.name)} | ${g.self ? inline(g.self.name) : "—"} | ${g.manager ? inline(g.manager.name) : "—"} | ${describeGap(g.comparison).text} |`);
  }
  out.push("");

  out.push("## Narrative", "");
  out.push(header.narrative.trim() ? fenced(header.narrative) : "_No narrative written._", "");

  if (header.decision) {
    const d = header.decision;
    out.push("## Decision", "");
    out.push(`- **Proposed:** ${inline(p.from.name)} → ${inline(p.to.name)}`);
    out.push(`- **Decided:** ${outcomeWord[d.outcome]}${d.outcome === "approved" && d.effectiveOn ? `, effective ${longDate(d.effectiveOn)}` : ""}`);
    out.push(`- **By:** ${d.by ? inline(d.by) : "a former member"}, ${longDate(d.at)}`, "");
    out.push(fenced(d.rationale), "");
  }
  return out.join("\n");
}

function evidenceLine(e: PacketEvidence, origin: string) {
  return `- [${inline(e.title)}](${origin}/evidence/${e.id}) — ${evidenceKindLabel[e.kind]}, ${longDate(e.occurredOn)}`;
}
