import type { AdminReason } from "./schemas";

/**
 * Which reason fits a new placement, from where the person stands now. Pure functions: the
 * data-access layer loads the current placement and applies them.
 */

type Current = { versionId: string } | null;

/** Why the reason an admin gave does not fit the person's history, or null when it fits. */
export function reasonProblem(reason: AdminReason, current: Current, versionId: string): string | null {
  if (!current) return reason === "initial" ? null : "They are not placed yet: choose initial placement.";
  if (reason === "initial") return "They are placed already: choose correction, or migration to a new version.";
  if (reason === "migration" && current.versionId === versionId) {
    return "Migration moves someone to another framework version, and this step is on the version they are on: choose correction.";
  }
  return null;
}

/** The reason a CSV import records: initial for someone not placed, migration onto another version, otherwise correction. */
export function importReason(current: Current, versionId: string): AdminReason {
  if (!current) return "initial";
  return current.versionId === versionId ? "correction" : "migration";
}
