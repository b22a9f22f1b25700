import { reviewBadge, type ReviewState } from "@/lib/assessments/review-state";

/** A mark beside the words, so that the badges differ by more than their colour. */
const marks: Record<ReviewState, string> = { "not-submitted": "○", "self-submitted": "◐", "manager-draft": "✎", assessed: "✓" };

/**
 * Where a person's review stands in the open cycle, in words on a coloured badge (its look is in
 * app/globals.css, as a list of many rows repeats it); a dash for people who are not reviewed.
 */
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
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{marks[state]}</span>
      {label}
    </span>
  );
}
