import type { RailRow } from "@/lib/framework/path-graph";

const LANE = 26;
/** Distance from the top of a row to the centre of its step's dot; lines up with the step name. */
export const DOT_Y = 30;
/** Height below the dot in which lines leaving for another lane make their turn. */
const BEND = 56;
const STROKE = 2.5;

export const railWidth = (laneCount: number) => laneCount * LANE;

const x = (lane: number) => lane * LANE + LANE / 2;

/**
 * One row's slice of the path drawing: lines arriving from the row above, the step's dot, lines
 * turning towards the lanes they leave on, and straight lines to the bottom of the row. Only the
 * last part stretches with the row, so forks keep their shape however tall the row grows.
 */
export function PathRail({ row }: { row: RailRow }) {
  const width = railWidth(row.laneCount);
  const dot = x(row.lane);
  const below = [...new Set([...row.through, ...row.outgoing])];
  return (
    <div aria-hidden="true" className="relative h-full" style={{ width, minHeight: DOT_Y + BEND }}>
      <svg className="absolute left-0 top-0" width={width} height={DOT_Y + BEND}>
        {row.through.map((l) => (
          <line key={`t${l}`} x1={x(l)} y1={0} x2={x(l)} y2={DOT_Y + BEND} className="stroke-path" strokeWidth={STROKE} />
        ))}
        {row.incoming.map((l) => (
          <path
            key={`i${l}`}
            d={`M${x(l)} 0 C${x(l)} ${DOT_Y * 0.7} ${dot} ${DOT_Y * 0.3} ${dot} ${DOT_Y}`}
            className="fill-none stroke-path"
            strokeWidth={STROKE}
          />
        ))}
        {row.outgoing.map((l) => (
          <path
            key={`o${l}`}
            d={`M${dot} ${DOT_Y} C${dot} ${DOT_Y + BEND * 0.55} ${x(l)} ${DOT_Y + BEND * 0.45} ${x(l)} ${DOT_Y + BEND}`}
            className="fill-none stroke-path"
            strokeWidth={STROKE}
          />
        ))}
      </svg>
      {below.length > 0 && (
        <svg
          className="absolute left-0"
          style={{ top: DOT_Y + BEND, height: `calc(100% - ${DOT_Y + BEND}px)` }}
          width={width}
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
        >
          {below.map((l) => (
            <line key={l} x1={x(l)} y1={0} x2={x(l)} y2={100} className="stroke-path" strokeWidth={STROKE} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
      )}
      <span className="absolute size-4 rounded-full border-[3px] border-path bg-white" style={{ left: dot - 8, top: DOT_Y - 8 }} />
    </div>
  );
}
