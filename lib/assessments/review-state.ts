/**
 * Where a person's review stands in the open cycle, as far as the viewer may know: the states, and
 * what each says on its badge. The people directory and the team overview both show it; the rule
 * that picks the state is one SQL expression (lib/data/people-sql.ts).
 */

export const REVIEW_STATES = ["not-submitted", "self-submitted", "manager-draft", "assessed"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What a review status says, in words, and the colour of its badge. */
export const reviewBadge: Record<ReviewState, { label: string; tone: "neutral" | "info" | "progress" | "done" }> = {
  // A self-assessment draft is its author's alone: "nothing submitted" does not tell whether one was started.
  "not-submitted": { label: "Nothing submitted", tone: "neutral" },
  "self-submitted": { label: "Self-assessment submitted", tone: "info" },
  "manager-draft": { label: "Your assessment in draft", tone: "progress" },
  assessed: { label: "Manager assessment done", tone: "done" },
};

/** The review status filter's choices, in the order a review goes. */
export const reviewStateOptions = REVIEW_STATES.map((s) => ({ value: s, label: reviewBadge[s].label }));
