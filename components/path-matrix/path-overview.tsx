import { layoutOverview, type GraphTransition } from "@/lib/framework/path-graph";

const CELL_W = 150;
const CELL_H = 64;
const CHIP_W = 124;
const CHIP_H = 48;
/** Radius of an arrow's turns. */
const R = 5;

type Step = { id: string; key: string; name: string };

/**
 * A small map of the whole path above the matrix: each step a chip linking to its row, arrows for
 * the ways forward. The matrix itself carries the same facts as text, so the drawing is decorative
 * for screen readers except for the links.
 */
export function PathOverview({ steps, transitions }: { steps: Step[]; transitions: GraphTransition[] }) {
  const { nodes, edges, columns, rows } = layoutOverview(steps, transitions);
  const at = new Map(nodes.map((n) => [n.stepId, n]));
  const width = columns * CELL_W;
  const height = rows * CELL_H;
  const left = (c: number) => c * CELL_W + (CELL_W - CHIP_W) / 2;
  const top = (r: number) => r * CELL_H + (CELL_H - CHIP_H) / 2;

  return (
    <nav aria-label="Path overview" className="overflow-x-auto rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="relative mx-auto" style={{ width, height }}>
        <svg aria-hidden="true" className="absolute inset-0" width={width} height={height}>
          <defs>
            <marker id="overview-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0 L10 5 L0 10 z" className="fill-path" />
            </marker>
          </defs>
          {edges.map((e) => {
            const a = at.get(e.fromStepId)!;
            const b = at.get(e.toStepId)!;
            let d: string;
            if (e.kind === "hop") {
              // Same column: a short vertical hop between the chips.
              const x = left(a.column) + CHIP_W / 2;
              const [y1, y2] = a.row < b.row ? [top(a.row) + CHIP_H, top(b.row)] : [top(a.row), top(b.row) + CHIP_H];
              d = `M${x} ${y1} L${x} ${y2}`;
            } else if (e.kind === "straight") {
              const y = top(a.row) + CHIP_H / 2;
              d = `M${left(a.column) + CHIP_W} ${y} L${left(b.column)} ${y}`;
            } else if (e.kind === "elbow") {
              // Along the row, down or up in the gap before the next step's column, and into its side.
              const y1 = top(a.row) + CHIP_H / 2;
              const y2 = top(b.row) + CHIP_H / 2;
              const x = e.gap * CELL_W - 6;
              const dy = y2 > y1 ? R : -R;
              d = `M${left(a.column) + CHIP_W} ${y1} L${x - R} ${y1} Q${x} ${y1} ${x} ${y1 + dy} L${x} ${y2 - dy} Q${x} ${y2} ${x + R} ${y2} L${left(b.column)} ${y2}`;
            } else {
              // Back to an earlier column: out of the chip's bottom (or top) edge and into the other's side.
              const x1 = left(a.column) + CHIP_W / 2;
              const y1 = b.row > a.row ? top(a.row) + CHIP_H : top(a.row);
              const y2 = top(b.row) + CHIP_H / 2;
              d = `M${x1} ${y1} L${x1} ${y2} L${left(b.column) + CHIP_W} ${y2}`;
            }
            return <path key={`${e.fromStepId}-${e.toStepId}`} d={d} className="fill-none stroke-path" strokeWidth={2} markerEnd="url(#overview-arrow)" />;
          })}
        </svg>
        <ol className="contents">
          {steps.map((s) => {
            const n = at.get(s.id)!;
            return (
              <li key={s.id} className="absolute" style={{ left: left(n.column), top: top(n.row), width: CHIP_W, height: CHIP_H }}>
                <a
                  href={`#step-${s.key}`}
                  className="flex h-full items-center justify-center overflow-hidden rounded-lg border border-path/40 bg-path-soft/60 px-2 text-center text-xs font-semibold leading-tight text-stone-900 wrap-anywhere hover:border-path hover:bg-path-soft"
                >
                  {s.name}
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
