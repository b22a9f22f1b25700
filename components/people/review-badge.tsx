import { reviewBadge } from "@/lib/people/directory";
import type { ReviewState } from "@/lib/team/overview";

const tones = {
  neutral: "border-stone-300 bg-stone-100 text-stone-700",
  info: "border-sky-300 bg-sky-50 text-sky-900",
  progress: "border-amber-400 bg-amber-50 text-amber-950",
  done: "border-emerald-300 bg-emerald-50 text-emerald-900",
} as const;

/** A mark beside the words, so that the badges differ by more than their colour. */
const marks: Record<ReviewState, string> = { "not-submitted": "○", "self-submitted": "◐", "manager-draft": "✎", assessed: "✓" };

/** Where a person's review stands in the open cycle, in words on a coloured badge; a dash for people who are not reviewed. */
export function ReviewBadge({ state }: { state: ReviewState | null }) {
  if (!state) {
    return (
      <span className="text-stone-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not reviewed</span>
      </span>
    );
  }
  const { label, tone } = reviewBadge[state];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      <span aria-hidden="true">{marks[state]}</span>
      {label}
    </span>
  );
}
