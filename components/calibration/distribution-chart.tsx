/**
 * People per step now and if every proposed case were approved, as bars drawn in HTML on the
 * server: each step's full name above its two bars, so long names and a phone's width never cut a
 * label. A group too small to show (fewer than four people, for anyone but admins) says "hidden"
 * rather than a number. Screen readers read each step as a sentence; the bars are for the eye.
 */

export type DistributionRow = { label: string; now: number | null; projected: number | null };

function Bar({ value, max, tone }: { value: number; max: number; tone: "now" | "projected" }) {
  return (
    <div className="flex items-center gap-2" aria-hidden="true">
      <span
        className={`h-2.5 shrink-0 rounded-sm ${tone === "now" ? "bg-stone-400" : "bg-path"}`}
        style={{ width: value > 0 ? `max(2px, calc(${(100 * value) / max}% - 3rem))` : 0 }}
      />
      <span className="text-xs tabular-nums text-stone-700">{value}</span>
    </div>
  );
}

export function DistributionChart({ id, title, rows }: { id: string; title: string; rows: DistributionRow[] }) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.now ?? 0, r.projected ?? 0]));
  return (
    <figure className="min-w-0 max-w-2xl" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="sr-only">
        {title}
      </figcaption>
      <p className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-stone-400" /> now
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-path" /> if every case passed
        </span>
      </p>
      <dl className="space-y-2 text-sm">
        {rows.map((r) => (
          <div key={r.label} className="grid gap-x-3 gap-y-0.5 sm:grid-cols-[minmax(8rem,13rem)_1fr] sm:items-center">
            <dt className="font-medium text-stone-800 [overflow-wrap:anywhere]">{r.label}</dt>
            <dd className="min-w-0">
              {r.now === null ? (
                <span className="text-xs italic text-stone-600">fewer than four: hidden</span>
              ) : (
                <>
                  <Bar value={r.now} max={max} tone="now" />
                  {r.projected === null ? (
                    <span className="block text-xs italic text-stone-600" aria-hidden="true">
                      hidden
                    </span>
                  ) : (
                    <Bar value={r.projected} max={max} tone="projected" />
                  )}
                  <span className="sr-only">
                    {r.now} now, {r.projected === null ? "hidden" : r.projected} if every case passed
                  </span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
