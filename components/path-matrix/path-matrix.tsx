import type { CSSProperties, ReactNode } from "react";
import { formatTimeframe } from "@/lib/framework/timeframe";
import { isFork, layoutRail, nextSteps, previousSteps } from "@/lib/framework/path-graph";
import { pillarLabel, pillarRuns } from "@/lib/framework/pillars";
import type { FrameworkVersionView } from "@/lib/data/frameworks";
import { CellDescriptor } from "./cell-descriptor";
import { PathRail, railWidth } from "./path-rail";

/** A pick marked in a cell: the engineer's own placement, or their manager's. */
export type CellMark = { who: "self" | "manager"; label: string };

type Props = {
  framework: FrameworkVersionView;
  /** Evidence items per cell id, for the person whose evidence they are. */
  evidence?: { counts: Record<string, number>; personId: string; own: boolean };
  /** Picks to mark, keyed "stepId:dimensionId". */
  marks?: Record<string, CellMark[]>;
  /** Extra control rendered in every cell, such as the radio button of a self-placement. */
  pick?: (step: { id: string; name: string }, dimension: { id: string; name: string }) => ReactNode;
  /** Names the table for screen readers when the page holds more than one. */
  label?: string;
  /** The step the person is placed on, marked in its row. */
  current?: { stepId: string; label: string };
};

/** From this many dimensions the columns keep a readable width and the matrix scrolls sideways in its own box. */
export const WIDE_MATRIX_DIMENSIONS = 5;

/**
 * The career path matrix: one row per step, one column per dimension, with the path drawn down
 * the left edge so that forks and rejoins are visible. Dimensions grouped in pillars get a header
 * row of pillars above theirs. On narrow screens each step becomes a card with its dimensions
 * stacked under pillar subheadings. The markup is an ARIA table in both layouts. Cells can carry
 * the picks of an assessment, the viewer's evidence count, and a control to pick them.
 *
 * A wide matrix (many dimensions) scrolls inside its own box on laptops, both ways, so that its
 * header stays at the top and the rail and the step column stay at the left; a narrower one spans
 * the page and its header sticks to the top of the page.
 */
export function PathMatrix({ framework, evidence, marks, pick, label, current }: Props) {
  const { steps, dimensions, transitions } = framework;
  const rail = layoutRail(steps, transitions);
  const cellAt = new Map(framework.cells.map((c) => [`${c.stepId}:${c.dimensionId}`, c]));
  const runs = pillarRuns(dimensions);
  // The first dimension of each pillar after the first: a rule down its left edge, a subheading above it on a phone.
  const pillarStarts = new Map(runs.map((r, i) => [r.dimensions[0]!.id, { label: pillarLabel(r.pillar), first: i === 0 }]));
  const headerRows = runs.length > 0 ? 2 : 1;
  const wide = dimensions.length >= WIDE_MATRIX_DIMENSIONS;
  const vars = {
    "--dims": dimensions.length,
    "--rail-span": dimensions.length + 1,
    "--rail-w": `${railWidth(rail[0]?.laneCount ?? 1) + 8}px`,
    ...(wide ? { "--col-min": "15rem", "--row-min": "calc(var(--rail-w) + 14rem + var(--dims) * 15rem)" } : {}),
  } as CSSProperties;
  // In a wide matrix the rail and the step column stay in view while the cells scroll under them.
  const stickyRail = wide ? "md:sticky md:left-0 md:z-10 md:bg-white" : "";
  const stickyStep = wide ? "md:sticky md:left-(--rail-w) md:z-10 md:bg-white md:shadow-[1px_0_0_var(--color-stone-200)]" : "";
  const pillarRule = (dimensionId: string) => (pillarStarts.get(dimensionId)?.first === false ? "md:border-l md:border-stone-300" : "");

  return (
    <div
      role="table"
      aria-label={label ?? `${framework.framework.name}: steps by dimension`}
      aria-rowcount={steps.length + headerRows}
      aria-colcount={dimensions.length + 1}
      // A box that scrolls must be reachable from the keyboard, to scroll it with the arrow keys.
      tabIndex={wide ? 0 : undefined}
      className={`overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm wrap-anywhere ${wide ? "md:max-h-[calc(100dvh-2rem)] md:overflow-auto md:overscroll-x-contain md:scroll-hint-x" : ""}`}
      style={vars}
    >
      <div role="rowgroup" className={`sr-only md:not-sr-only md:sticky md:top-0 ${wide ? "md:z-20" : "md:z-10"}`}>
        {runs.length > 0 && (
          <div role="row" aria-rowindex={1} className="matrix-grid bg-stone-100">
            <div role="columnheader" aria-colindex={1} className={`px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-stone-600 md:col-span-2 ${wide ? "md:sticky md:left-0 md:z-10 md:bg-stone-100 md:shadow-[1px_0_0_var(--color-stone-200)]" : ""}`}>
              Pillar
            </div>
            {runs.map((r, i) => {
              const start = runs.slice(0, i).reduce((n, p) => n + p.dimensions.length, 2);
              return (
                <div
                  key={r.dimensions[0]!.id}
                  role="columnheader"
                  aria-colindex={start}
                  aria-colspan={r.dimensions.length}
                  style={{ gridColumn: `span ${r.dimensions.length} / span ${r.dimensions.length}` }}
                  className={`px-4 pt-3 ${i > 0 ? "md:border-l md:border-stone-300" : ""}`}
                >
                  <span className="block border-b-2 border-path pb-1 text-xs font-semibold uppercase tracking-wide text-path">
                    {/* While the matrix scrolls sideways, the pillar's name stays beside the step column as long as any of its columns shows. */}
                    <span className={`inline-block ${wide ? "md:sticky md:left-[calc(var(--rail-w)+15rem)]" : ""}`}>
                      {pillarLabel(r.pillar)}
                      <span className="font-medium normal-case tracking-normal text-stone-600">
                        {" "}
                        · {r.dimensions.length} {r.dimensions.length === 1 ? "dimension" : "dimensions"}
                      </span>
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        )}
        <div role="row" aria-rowindex={headerRows} className={`matrix-grid border-b border-stone-200 ${wide ? "bg-stone-100" : "bg-stone-100/95 backdrop-blur"}`}>
          <div role="columnheader" className={`px-4 py-3 text-xs font-semibold uppercase tracking-wide text-stone-600 md:col-span-2 ${wide ? "md:sticky md:left-0 md:z-10 md:bg-stone-100 md:shadow-[1px_0_0_var(--color-stone-200)]" : ""}`}>
            Step
          </div>
          {dimensions.map((d) => (
            <div key={d.id} role="columnheader" className={`px-4 py-3 ${pillarRule(d.id)}`}>
              <span className="block text-sm font-semibold text-stone-900">{d.name}</span>
              {d.description && <span className="mt-0.5 block text-xs leading-snug text-stone-600">{d.description}</span>}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup">
        {steps.map((step, i) => {
          const row = rail[i]!;
          const next = nextSteps(steps, transitions, step.id);
          const from = previousSteps(steps, transitions, step.id);
          const timeframe = formatTimeframe(step.timeframeMinMonths, step.timeframeMaxMonths);
          const forks = isFork(transitions, step.id);
          return (
            <div
              key={step.id}
              role="row"
              aria-rowindex={i + headerRows + 1}
              id={`step-${step.key}`}
              className="matrix-grid border-t border-stone-200 first:border-t-0"
            >
              <div className={`row-span-(--rail-span) pl-2 md:row-span-1 ${stickyRail}`}>
                <PathRail row={row} />
              </div>
              <div role="rowheader" className={`px-3 pb-3 pt-4 md:px-4 ${stickyStep}`}>
                <h3 className="text-base font-semibold leading-6 text-stone-950">{step.name}</h3>
                {current?.stepId === step.id && (
                  <p className="mt-1 inline-block rounded-full bg-stone-800 px-2 py-0.5 text-xs font-medium text-white">{current.label}</p>
                )}
                {timeframe ? (
                  <p className="mt-1 text-xs font-medium text-stone-600">
                    <span className="sr-only">Expected time at this step: </span>
                    <span aria-hidden="true">Typically </span>
                    {timeframe}
                  </p>
                ) : (
                  <p className="mt-1 text-xs font-medium text-stone-600">No expected timeframe</p>
                )}
                {step.summary && <p className="mt-2 text-sm leading-relaxed text-stone-700">{step.summary}</p>}
                {from.length > 1 && (
                  <p className="mt-2 text-xs text-stone-600">Reached from {from.map((s) => s.name).join(" or ")}.</p>
                )}
                {next.length > 0 && (
                  <div className="mt-3">
                    <p className="text-xs font-semibold text-stone-700">
                      {forks ? `The path forks: ${next.length} ways on` : "Leads to"}
                    </p>
                    <ul className="mt-1 space-y-1">
                      {next.map(({ step: to, label }) => (
                        <li key={to.id} className="text-xs">
                          <a href={`#step-${to.key}`} className="font-medium text-path hover:underline">
                            → {to.name}
                          </a>
                          {label && <span className="text-stone-600"> — {label.charAt(0).toLowerCase() + label.slice(1)}</span>}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              {dimensions.map((d) => {
                const cell = cellAt.get(`${step.id}:${d.id}`);
                const cellMarks = marks?.[`${step.id}:${d.id}`] ?? [];
                const self = cellMarks.some((m) => m.who === "self");
                const manager = cellMarks.some((m) => m.who === "manager");
                const pillar = pillarStarts.get(d.id);
                return (
                  <div
                    key={d.id}
                    role="cell"
                    className={`px-3 pb-4 md:px-4 md:pt-4 ${pillarRule(d.id)} ${self ? "bg-path-soft/70" : manager ? "bg-amber-50" : ""} ${manager ? "shadow-[inset_0_0_0_2px_var(--color-amber-400)]" : ""}`}
                  >
                    {pillar && (
                      // On a phone the column headers are hidden: the pillar heads its dimensions in each card.
                      <p aria-hidden="true" className={`mb-2 border-b-2 border-path pb-0.5 text-xs font-semibold uppercase tracking-wide text-path md:hidden ${pillar.first ? "" : "mt-2"}`}>
                        {pillar.label}
                      </p>
                    )}
                    <p aria-hidden="true" className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500 md:hidden">
                      {d.name}
                    </p>
                    {cellMarks.length > 0 && (
                      <ul className="mb-2 flex flex-wrap gap-1" aria-label="Picked here by">
                        {cellMarks.map((m) => (
                          <li key={m.who} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${m.who === "self" ? "bg-path text-white" : "bg-amber-200 text-amber-950"}`}>
                            {m.label}
                          </li>
                        ))}
                      </ul>
                    )}
                    {cell ? (
                      <>
                        <CellDescriptor summary={cell.summary} expectations={cell.expectations} />
                        {evidence && (
                          <CellEvidence cellId={cell.id} count={evidence.counts[cell.id] ?? 0} where={`${step.name}, ${d.name}`} personId={evidence.personId} own={evidence.own} />
                        )}
                      </>
                    ) : (
                      <p className="text-sm italic text-stone-500">Not expected at this step.</p>
                    )}
                    {pick?.(step, d)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** How many evidence items back a cell, opening them; or, for one's own, a way to add the first. */
function CellEvidence({ cellId, count, where, personId, own }: { cellId: string; count: number; where: string; personId: string; own: boolean }) {
  if (count > 0) {
    const query = new URLSearchParams(own ? { cellId } : { person: personId, cellId });
    return (
      <a
        href={`/evidence?${query}`}
        className="mt-2 inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-900 ring-1 ring-emerald-200 hover:bg-emerald-100"
      >
        {count} evidence {count === 1 ? "item" : "items"}
        <span className="sr-only"> for {where}</span>
      </a>
    );
  }
  return own ? (
    <a href={`/evidence/new?cellId=${cellId}`} className="mt-2 inline-block text-xs text-stone-600 hover:text-path hover:underline">
      + evidence<span className="sr-only"> for {where}</span>
    </a>
  ) : null;
}
