/**
 * The limits, outcomes and stances of cases and calibration as plain values: the forms in the
 * browser import these, so that they do not pull zod in with the schemas (./schemas.ts).
 */

export const CASE_LIMITS = { narrative: 20_000, evidence: 60, rationale: 5_000, voteNote: 2_000, sessionName: 120, calibrators: 60 } as const;

export const caseOutcomes = ["approved", "deferred", "declined"] as const;
export const outcomeLabel: Record<(typeof caseOutcomes)[number], string> = { approved: "Approve", deferred: "Defer", declined: "Decline" };

export const voteStances = ["support", "question", "against"] as const;
export const stanceLabel: Record<(typeof voteStances)[number], string> = { support: "Support", question: "Question", against: "Against" };
