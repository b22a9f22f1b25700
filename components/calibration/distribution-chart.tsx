/**
 * People per step now and if every proposed case were approved, as horizontal bars drawn on the
 * server. A group too small to show (fewer than four people, for anyone but admins) is drawn as
 * "hidden" rather than as a number.
 */

export type DistributionRow = { label: string; now: number | null; projected: number | null };

const BAR_H = 10;
const ROW_H = 34;
const LABEL_W = 130;
const CHART_W = 440;

export function DistributionChart({ id, title, rows }: { id: string; title: string; rows: DistributionRow[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.now ?? 0, r.projected ?? 0]));
  const scale = (n: number) => Math.max(n > 0 ? 2 : 0, ((CHART_W - LABEL_W - 60) * n) / max);
  const height = rows.length * ROW_H + 28;
  const describe = rows.map((r) => `${r.label}: ${r.now ?? "hidden"} now, ${r.projected ?? "hidden"} if approved`).join("; ");
  return (
    <figure className="min-w-0">
      <svg viewBox={`0 0 ${CHART_W} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-2xl">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        <g fontSize="11" fill="currentColor">
          <rect x={LABEL_W} y={4} width={10} height={BAR_H} className="fill-stone-400" />
          <text x={LABEL_W + 14} y={13}>now</text>
          <rect x={LABEL_W + 60} y={4} width={10} height={BAR_H} className="fill-path" />
          <text x={LABEL_W + 74} y={13}>if every case passed</text>
        </g>
        {rows.map((r, i) => {
          const y = 28 + i * ROW_H;
          return (
            <g key={r.label} fontSize="12" fill="currentColor">
              <text x={LABEL_W - 8} y={y + 15} textAnchor="end" className="fill-stone-800">
                {r.label.length > 19 ? `${r.label.slice(0, 18)}…` : r.label}
              </text>
              {r.now === null ? (
                <text x={LABEL_W} y={y + 15} className="fill-stone-500" fontStyle="italic">
                  fewer than four: hidden
                </text>
              ) : (
                <>
                  <rect x={LABEL_W} y={y + 2} width={scale(r.now)} height={BAR_H} rx={2} className="fill-stone-400" />
                  <text x={LABEL_W + scale(r.now) + 4} y={y + 11} fontSize="10">
                    {r.now}
                  </text>
                  <rect x={LABEL_W} y={y + 2 + BAR_H + 2} width={scale(r.projected ?? 0)} height={BAR_H} rx={2} className="fill-path" />
                  <text x={LABEL_W + scale(r.projected ?? 0) + 4} y={y + 23} fontSize="10">
                    {r.projected}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
