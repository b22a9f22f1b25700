import type { TimeAtStep } from "@/lib/career/where-now";
import { describeTimeAtStep } from "@/lib/career/where-now";

const STATUS: Record<TimeAtStep["status"], { label: string; className: string }> = {
  early: { label: "Early at this step", className: "bg-sky-100 text-sky-900" },
  within: { label: "Within the expected time", className: "bg-emerald-100 text-emerald-900" },
  beyond: { label: "Past the expected time", className: "bg-amber-100 text-amber-900" },
  "open-ended": { label: "No expected timeframe", className: "bg-stone-100 text-stone-800" },
};

/** Time at the current step, in words and as a bar against the expected range. */
export function TimeAtStepView({ time, min, max }: { time: TimeAtStep; min: number | null; max: number | null }) {
  const scale = Math.max(time.months, max ?? (min ?? 12) * 1.5, 12) * 1.15;
  const pct = (m: number) => `${Math.min(100, (m / scale) * 100)}%`;
  const status = STATUS[time.status];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <p data-testid="time-at-step" className="text-lg font-semibold text-stone-900">
          {describeTimeAtStep(time)}
        </p>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.className}`}>{status.label}</span>
      </div>
      {(min !== null || max !== null) && (
        <div aria-hidden="true" className="relative h-3 rounded-full bg-stone-200">
          <div
            className="absolute inset-y-0 rounded-full bg-path/30"
            style={{ left: pct(min ?? 0), width: `calc(${pct(max ?? scale)} - ${pct(min ?? 0)})` }}
          />
          <div className="absolute -top-1 h-5 w-1.5 -translate-x-1/2 rounded-full bg-path" style={{ left: pct(time.months) }} />
        </div>
      )}
    </div>
  );
}
