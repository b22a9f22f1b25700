/**
 * Placement reasons, their labels and the note's limit as plain values: the forms in the browser
 * import these, so that they do not pull zod in with the schemas (./schemas.ts).
 */

export const placementReasons = ["initial", "promotion", "migration", "correction"] as const;
export type PlacementReason = (typeof placementReasons)[number];

/** What an admin may give as the reason; "promotion" is written by an approved promotion case only. */
export const adminReasons = ["initial", "correction", "migration"] as const;
export type AdminReason = (typeof adminReasons)[number];

export const placementReasonLabel: Record<PlacementReason, string> = {
  initial: "Initial placement",
  promotion: "Promotion",
  migration: "Migration to a new version",
  correction: "Correction",
};

export const PLACEMENT_NOTE_MAX = 2_000;
