/**
 * Who may read and change what, as pure functions of the viewer and the person concerned. The
 * data-access layer calls these first and scopes its queries the same way; docs/authorization.md
 * is the same policy as a table.
 */

export type Role = "engineer" | "manager" | "admin";

export type Viewer = {
  id: string;
  role: Role;
  name: string;
  email: string;
  /**
   * The people below the viewer in the reporting tree (direct and indirect) among those the data
   * layer has asked about in this request. The tree is never read whole: it grows with the
   * organisation. Before a check that concerns someone, the data layer asks the tree about them
   * (`resolveReports` and `mayReadPerson` in lib/data/viewer.ts); someone not asked about is not
   * here, so a missed question denies rather than allows.
   */
  reportIds: ReadonlySet<string>;
  /** Whether anyone reports to the viewer directly: "My team" is theirs. */
  hasReports: boolean;
};

/** A person's own page and career data: the person, their manager chain, and admins. */
export function canReadPerson(viewer: Viewer, personId: string): boolean {
  return viewer.role === "admin" || viewer.id === personId || viewer.reportIds.has(personId);
}

/** Evidence is read like the rest of a person's career data, and changed by its owner alone. */
export function canChangeEvidence(viewer: Viewer, ownerId: string): boolean {
  return viewer.id === ownerId;
}

/** The people list: admins see everyone, managers their reporting tree, engineers only themselves. */
export function canListPeople(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "manager";
}

/**
 * The team overview and what waits on the home page: managers and admins, each over their own
 * reporting tree (an admin reads the whole organisation on the people list instead).
 */
export function canSeeTeam(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "manager";
}

/** People, teams, roles and reporting lines are changed by admins only. */
export function canManagePeople(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** A manager assessment is written by the person's direct manager, while the person is active. */
export function canWriteManagerAssessment(viewer: Viewer, person: { managerId: string | null; active: boolean }): boolean {
  return person.active && person.managerId === viewer.id;
}

/** Placements are written by admins (and by an approved, published promotion case). */
export function canWritePlacements(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** A promotion case is opened and edited by the subject's manager chain (direct or indirect), never by the subject. */
export function canProposeCaseFor(viewer: Viewer, subjectId: string): boolean {
  return viewer.id !== subjectId && viewer.reportIds.has(subjectId);
}

export type CaseAccess = { subjectId: string; status: CaseStatus; createdById: string; proposedById: string | null };
export type CaseStatus = "draft" | "proposed" | "withdrawn" | "approved" | "deferred" | "declined";

/**
 * A case is read like the rest of its subject's career data, except that the subject sees it only
 * once it is proposed: a draft is the manager chain's work in progress.
 */
export function canReadCase(viewer: Viewer, c: CaseAccess): boolean {
  if (viewer.id === c.subjectId) return c.status !== "draft";
  return canReadPerson(viewer, c.subjectId);
}

/** Calibration sessions are opened, started, closed and published by admins. */
export function canRunCalibration(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Who may sit in a calibration: admins and managers. */
export function canCalibrate(person: { role: Role }): boolean {
  return person.role === "admin" || person.role === "manager";
}

/**
 * A calibrator decides a case when they may read its subject (admins: everyone; managers: people
 * below them) and the case is neither about them nor proposed by them.
 */
export function canDecideCase(viewer: Viewer, c: CaseAccess, isCalibrator: boolean): boolean {
  if (!isCalibrator || viewer.id === c.subjectId || viewer.id === c.createdById || viewer.id === c.proposedById) return false;
  return viewer.role === "admin" || viewer.reportIds.has(c.subjectId);
}

/** A pre-vote: a calibrator who may read the case's subject, on a case not about themselves. */
export function canVoteOnCase(viewer: Viewer, c: CaseAccess, isCalibrator: boolean): boolean {
  return isCalibrator && viewer.id !== c.subjectId && (viewer.role === "admin" || viewer.reportIds.has(c.subjectId));
}

export function canReadAuditLog(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Published and retired framework versions are everyone's map; a draft is the admins' work in progress. */
export function canReadFrameworkVersion(viewer: Viewer, status: "draft" | "published" | "retired"): boolean {
  return status !== "draft" || viewer.role === "admin";
}

/** Frameworks are changed by admins only: importing a file as a draft, publishing a draft. */
export function canManageFrameworks(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

export const roleLabel: Record<Role, string> = { engineer: "Engineer", manager: "Manager", admin: "Admin" };
