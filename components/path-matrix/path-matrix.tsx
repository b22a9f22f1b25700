import type { CSSProperties, ReactNode } from "react";
import { formatTimeframe } from "@/lib/framework/timeframe";
import { isFork, layoutRail, nextSteps, previousSteps } from "@/lib/framework/path-graph";
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

/**
 * The career path matrix: one row per step, one column per dimension, with the path drawn down
 * the left edge so that forks and rejoins are visible. On narrow screens each step becomes a card
 * with its dimensions stacked. The markup is an ARIA table in both layouts. Cells can carry the
 * picks of an assessment, the viewer's evidence count, and a control to pick them.
 */
export function PathMatrix({ framework, evidence, marks, pick, label, current }: Props) {
  const { steps, dimensions, transitions } = framework;
  const rail = layoutRail(steps, transitions);
  const cellAt = new Map(framework.cells.map((c) => [`${c.stepId}:${c.dimensionId}`, c]));
  const vars = {
    "--dims": dimensions.length,
    "--rail-span": dimensions.length + 1,
    "--rail-w": `${railWidth(rail[0]?.laneCount ?? 1) + 8}px`,
  } as CSSProperties;

  return (
    <div
      role="table"
      aria-label={label ?? `${framework.framework.name}: steps by dimension`}
      aria-rowcount={steps.length + 1}
      className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm"
      style={vars}
    >
      <div role="rowgroup" className="sr-only md:not-sr-only md:sticky md:top-0 md:z-10">
        <div role="row" aria-rowindex={1} className="matrix-grid border-b border-stone-200 bg-stone-100/95 backdrop-blur">
          <div role="columnheader" className="px-4 py-3 text-xs font-semibold uppercase tracking-wide text-stone-600 md:col-span-2">
            Step
          </div>
          {dimensions.map((d) => (
            <div key={d.id} role="columnheader" className="px-4 py-3">
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
              aria-rowindex={i + 2}
              id={`step-${step.key}`}
              className="matrix-grid border-t border-stone-200 first:border-t-0"
            >
              <div className="row-span-(--rail-span) pl-2 md:row-span-1">
                <PathRail row={row} />
              </div>
              <div role="rowheader" className="px-3 pb-3 pt-4 md:px-4">
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
                return (
                  <div
                    key={d.id}
                    role="cell"
                    className={`px-3 pb-4 md:px-4 md:pt-4 ${self ? "bg-path-soft/70" : manager ? "bg-amber-50" : ""} ${manager ? "shadow-[inset_0_0_0_2px_var(--color-amber-400)]" : ""}`}
                  >
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
