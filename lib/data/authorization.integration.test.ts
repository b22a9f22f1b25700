import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calibrationSessions,
  caseVotes,
  evidence,
  growthCheckIns,
  growthDirections,
  growthExperiments,
  growthLanes,
  growthMilestones,
  growthPlans,
  growthSkillInventories,
  growthSkills,
  placements,
  promotionCases,
  reviewCycles,
  steps,
  teams,
  users,
} from "@/db/schema";
import { createDemoDatabase } from "@/test/people";
import type { TestDatabase } from "@/test/database";
import type { Viewer } from "@/lib/auth/policy";
import { isoDate } from "@/lib/dates";
import { addMonths, monthOf } from "@/lib/plan/choices";
import { InvalidInputError, NotAllowedError, NotFoundError } from "@/lib/errors";
import { addDays } from "@/lib/plan/experiments";
import { changeOwnPassword } from "./account";
import {
  createCycle,
  getAssessment,
  getOpenCycle,
  listAssessmentsFor,
  listCycles,
  saveAssessmentDraft,
  setCycleStatus,
  startManagerAssessment,
  startSelfAssessment,
} from "./assessments";
import { castVote, closeSession, createSession, decideCase, publishSession, startSession } from "./calibration";
import { createCase, getCase, listCasesAbout, updateCase } from "./cases";
import { getTeamPage } from "./team";
import { findDirectoryChoices, getPeopleDirectory } from "./people-directory";
import { DEFAULT_DIRECTORY_QUERY } from "@/lib/people/directory";
import { DEFAULT_QUERY as DEFAULT_TEAM_QUERY } from "@/lib/team/overview";
import { loadViewer } from "./viewer";
import { listAuditEvents } from "./audit";
import { getEvidence, listEvidence, updateEvidence } from "./evidence";
import { getVersionDiff, listFrameworkVersions } from "./framework-versions";
import { createPasswordLink, createPerson, createTeam, getPerson, renameTeam, setPersonActive, setTeamLead, updatePerson } from "./people";
import { discardDraft, getDraftEditor, openDraft, saveDraft } from "./framework-drafts";
import { exportFrameworkVersion, importFramework, publishDraft } from "./framework-files";
import { applyMigration, getMigrationPlan, listPendingMoves } from "./framework-migration";
import { correctPlacement, listPlacementHistory, placePerson } from "./placements";
import { listCheckIns, saveCheckIn } from "./plan-check-ins";
import { getNarrativeMarkdown } from "./plan-narrative";
import { getDirection, saveDirection } from "./plan-direction";
import { closeExperiment, createExperiment, listExperiments, updateExperiment } from "./plan-experiments";
import { getSkills, saveManagerRatings, saveSkills } from "./plan-skills";
import { addMilestone, deleteMilestone, getPlan, savePlanBasics, updateMilestone } from "./plans";

/**
 * The authorization table in docs/authorization.md, tried cell by cell: every action as every
 * role against their own record, a report's and a stranger's. Refusals must change nothing.
 */

type Cell = "yes" | "no" | "—";
const COLUMNS = [
  ["engineer", "own"],
  ["engineer", "stranger"],
  ["manager", "own"],
  ["manager", "report"],
  ["manager", "stranger"],
  ["admin", "own"],
  ["admin", "report"],
  ["admin", "stranger"],
] as const;

function readPolicyTable(): { action: string; cells: Cell[] }[] {
  const doc = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "authorization.md"), "utf8");
  const lines = doc.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| action") && !l.startsWith("|---"));
  return lines.map((line) => {
    const [action, ...cells] = line.split("|").slice(1, -1).map((c) => c.trim());
    return { action: action!, cells: cells as Cell[] };
  });
}

let handle: TestDatabase;
let viewers: Record<"engineer" | "manager" | "admin", Viewer>;
let targets: Record<string, Record<string, string>>;
/** One evidence item of each target person, by owner id. */
const evidenceOf = new Map<string, string>();
/** One milestone of each target person's growth plan, by owner id. */
const milestoneOf = new Map<string, string>();
let counter = 0;
/** The default framework's published version, which the demo people are placed on. */
let versionId: string;

beforeAll(async () => {
  const demo = await createDemoDatabase();
  handle = demo.handle;
  versionId = demo.versionId;
  // The demo's cases were proposed by the managers tried below; here Jonas proposed them all, so
  // that "decide" is tried on cases the viewer did not propose.
  const jonas = await demo.idOf("jonas");
  await handle.db.update(promotionCases).set({ createdById: jonas, proposedById: jonas });
  viewers = { engineer: await demo.as("sam"), manager: await demo.as("priya"), admin: await demo.as("alex") };
  // Someone outside every reporting tree, so the admin has a stranger too.
  const [zoe] = await handle.db.insert(users).values({ email: "zoe.outside@example.com", name: "Zoe Outside" }).returning({ id: users.id });
  targets = {
    engineer: { own: viewers.engineer.id, stranger: await demo.idOf("aisha") },
    // Lena, not Sam: the demo already holds Priya's submitted assessment of Sam.
    manager: { own: viewers.manager.id, report: await demo.idOf("lena"), stranger: await demo.idOf("aisha") },
    // Diego reports to Alex through Priya, and has no reports of his own (who could not be deactivated).
    admin: { own: viewers.admin.id, report: await demo.idOf("diego"), stranger: zoe!.id },
  };
  for (const ownerId of new Set(Object.values(targets).flatMap((t) => Object.values(t)))) {
    const [row] = await handle.db
      .insert(evidence)
      .values({ ownerId, title: "Ran the incident review", kind: "incident-review", occurredOn: "2026-01-15", body: "Wrote it up." })
      .returning({ id: evidence.id });
    evidenceOf.set(ownerId, row!.id);
    // And a growth plan with a milestone, written by its owner.
    const owner = (await loadViewer(ownerId))!;
    await savePlanBasics(owner, { revision: 0, northStar: "Their own north star.", horizon: horizon(), lanes: [{ name: "Technical depth" }] });
    milestoneOf.set(ownerId, (await addMilestone(owner, milestoneFields())).id);
    // And an open experiment and a check-in on it.
    await createExperiment(owner, experiment());
    await saveCheckIn(owner, checkIn);
    // A skills inventory and a direction, written by their owner.
    await saveSkills(owner, skillsInput(0, "Their own skill"));
    await saveDirection(owner, { revision: 0, lean: "staff", frameworkKey: "", reason: "Their own reason.", current: {}, wanted: {} });
  }
});

/** An experiment of nine weeks from today, as its form sends it. */
const experiment = (hypothesis = "Leading on-call makes me the reliability person.") => {
  const today = isoDate(new Date());
  return { hypothesis, startsOn: today, endsOn: addDays(today, 63), actions: "Run the rota.", metrics: "Pages halve.", rollback: "Design work slips." };
};
const checkIn = { learning: "Yes.", learningRating: "4", lookingForward: "Mostly.", lookingForwardRating: "4", connected: "Yes.", connectedRating: "3", impact: "Some.", impactRating: "3" };

/** An inventory of one skill, as the data layer takes it. */
const skillsInput = (revision: number, name: string) => ({ revision, areas: [{ name: "Core coding and design" }], skills: [{ id: null, area: 0, name, rating: 2, target: 4 }] });

/** A horizon two years out, within what a plan takes whenever the test runs. */
const horizon = () => addMonths(monthOf(new Date()), 24);
const milestoneFields = (patch: object = {}) => ({ lane: 1, title: "Write the design doc", targetWeek: 4, artifact: "design-doc", success: "Accepted.", evidenceId: null, ...patch });
afterAll(async () => {
  await handle.close();
});

async function snapshot(id: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.id, id));
  return row!;
}

/** What a refused action must leave as it was: the person, their placements, cases, growth plan, experiments and check-ins, and every vote. */
async function stateOf(id: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.id, id));
  const placed = await handle.db.select().from(placements).where(eq(placements.userId, id)).orderBy(placements.id);
  const cases = await handle.db.select().from(promotionCases).where(eq(promotionCases.subjectId, id)).orderBy(promotionCases.id);
  const votes = await handle.db.select().from(caseVotes).orderBy(caseVotes.caseId, caseVotes.voterId);
  const plan = await handle.db.select().from(growthPlans).where(eq(growthPlans.ownerId, id));
  const lanes = await handle.db.select().from(growthLanes).where(inArray(growthLanes.planId, plan.map((p) => p.id))).orderBy(growthLanes.position);
  const milestones = await handle.db.select().from(growthMilestones).where(inArray(growthMilestones.planId, plan.map((p) => p.id))).orderBy(growthMilestones.id);
  const experiments = await handle.db.select().from(growthExperiments).where(eq(growthExperiments.ownerId, id)).orderBy(growthExperiments.id);
  const checkIns = await handle.db.select().from(growthCheckIns).where(eq(growthCheckIns.ownerId, id)).orderBy(growthCheckIns.id);
  const inventory = await handle.db.select().from(growthSkillInventories).where(eq(growthSkillInventories.ownerId, id));
  const skills = await handle.db.select().from(growthSkills).where(inArray(growthSkills.inventoryId, inventory.map((i) => i.id))).orderBy(growthSkills.id);
  const direction = await handle.db.select().from(growthDirections).where(eq(growthDirections.ownerId, id));
  return { person: row!, placements: placed, cases, votes, plan, lanes, milestones, experiments, checkIns, inventory, skills, direction };
}

/** The target's open case in the open cycle (the demo proposes one for most engineers), or a refusal when there is none. */
async function openCaseOf(id: string) {
  const [c] = await handle.db
    .select()
    .from(promotionCases)
    .where(and(eq(promotionCases.subjectId, id), inArray(promotionCases.status, ["draft", "proposed"])));
  return c;
}

const frameworkCsv = "name,leads_to,Craft\nAnalyst,Senior Analyst,Writes queries.\nSenior Analyst,,Designs models.";

/** A new framework's draft, imported by the admin, for the cells that need one. */
async function newDraft() {
  const key = `imported-${++counter}`;
  const result = await importFramework(viewers.admin, { text: frameworkCsv, kind: "csv", name: `Imported ${counter}`, frameworkKey: key });
  if (!result.ok) throw new Error("the admin's import failed");
  return result;
}

/**
 * The default framework with people on an older version: when everyone is on its latest published
 * version, the admin publishes a copy of it as the next one. Publishing changes nobody's record.
 */
async function frameworkToMove() {
  if ((await listPendingMoves(viewers.admin)).has("engineering")) return;
  const { text } = await exportFrameworkVersion(viewers.admin, "engineering");
  const draft = await importFramework(viewers.admin, { text, kind: "json" });
  if (!draft.ok || !(await publishDraft(viewers.admin, { versionId: draft.versionId, note: "The next version." })).ok) throw new Error("the admin could not publish a new version");
}

async function setSessionStatus(status: "preparing" | "in_session") {
  const open = (await getOpenCycle())!;
  await handle.db.update(calibrationSessions).set({ status }).where(eq(calibrationSessions.reviewCycleId, open.id));
}

/** Each action: run it as `viewer` on `targetId`; resolve when allowed, throw when refused. */
const ACTIONS: Record<string, (viewer: Viewer, targetId: string) => Promise<unknown>> = {
  "read a person's page": (viewer, id) => getPerson(viewer, id),
  "list people": async (viewer, id) => {
    // The directory (/people), searched for the person, with everyone shown whatever their state.
    const [target] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, id));
    const directory = await getPeopleDirectory(viewer, { ...DEFAULT_DIRECTORY_QUERY, q: target!.email, active: "all" });
    if (!directory.people.some((p) => p.id === id)) throw new NotFoundError("That person");
  },
  "name a person on the people directory's manager filter": async (viewer, id) => {
    // The view of the person's direct reports, as a shared address would ask for it: the chip names them, or not.
    const { filters } = await getPeopleDirectory(viewer, { ...DEFAULT_DIRECTORY_QUERY, manager: id });
    if (!filters.manager?.name) throw new NotFoundError("That person");
  },
  "see a manager's team overview (My team)": async (viewer, id) => {
    // The overview (/team), searched for the person by name.
    const [target] = await handle.db.select({ name: users.name }).from(users).where(eq(users.id, id));
    const team = await getTeamPage(viewer, { ...DEFAULT_TEAM_QUERY, q: target!.name });
    if (!team.onPage.some((g) => g.members.some((m) => m.id === id))) throw new NotFoundError("That person");
  },
  "edit a person (name, role, manager, team)": async (viewer, id) => {
    const before = await snapshot(id);
    await updatePerson(viewer, {
      id,
      revision: before.revision,
      name: `${before.name.split(" (")[0]} (${++counter})`,
      role: before.role,
      managerId: before.managerId,
      teamId: before.teamId,
    });
  },
  "deactivate a person": async (viewer, id) => {
    const before = await snapshot(id);
    await setPersonActive(viewer, { id, active: false, revision: before.revision });
    // Put things back for the next cell.
    const after = await snapshot(id);
    await setPersonActive(viewer, { id, active: true, revision: after.revision });
  },
  "create a set-password link": (viewer, id) => createPasswordLink(viewer, id),
  "create a person": (viewer) =>
    createPerson(viewer, {
      email: `new${++counter}@example.com`,
      name: "New Person",
      role: "engineer",
      managerId: null,
      teamId: null,
      passwordMode: "link",
    }),
  "create or rename a team": async (viewer) => {
    const team = await createTeam(viewer, { name: `Team ${++counter}` });
    await renameTeam(viewer, { id: team.id, name: `Team ${++counter}`, revision: 1 });
  },
  "set a team's lead (the person as its lead)": async (viewer, id) => {
    // The admin makes the team, so that the cell tries setting its lead alone; a refusal leaves it without one.
    const team = await createTeam(viewers.admin, { name: `Team ${++counter}` });
    await setTeamLead(viewer, { id: team.id, revision: 1, leadId: id }).catch(async (err: unknown) => {
      const [after] = await handle.db.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, team.id));
      expect(after!.leadId).toBeNull();
      throw err;
    });
  },
  "read the audit log": (viewer) => listAuditEvents(viewer, {}),
  "read a person's evidence and submitted assessments": async (viewer, id) => {
    await listEvidence(viewer, id);
    await listAssessmentsFor(viewer, id);
  },
  "open one evidence item of a person": (viewer, id) => getEvidence(viewer, evidenceOf.get(id)!),
  "edit or delete a person's evidence": async (viewer, id) => {
    const [before] = await handle.db.select().from(evidence).where(eq(evidence.id, evidenceOf.get(id)!));
    const { id: evidenceId, revision, kind, occurredOn, body } = before!;
    await updateEvidence(viewer, { id: evidenceId, revision, kind, occurredOn, body, title: `Ran the incident review (${++counter})`, link: "", cellIds: [] });
  },
  "read a person's growth plan": async (viewer, id) => {
    await getPlan(viewer, id);
    // Its quarterly narrative is read the same way.
    await getNarrativeMarkdown(viewer, id);
  },
  "write a person's growth plan (north star and lanes)": async (viewer, id) => {
    // A save names no person or plan: the other person's ids, sent along with it, must not be read.
    const [theirs] = await handle.db.select({ id: growthPlans.id }).from(growthPlans).where(eq(growthPlans.ownerId, id));
    const northStar = `Written in the authorization test (${++counter}).`;
    const { revision } = await getPlan(viewer, viewer.id);
    await savePlanBasics(viewer, { revision, northStar, horizon: horizon(), lanes: [{ name: "Technical depth" }], ownerId: id, personId: id, planId: theirs!.id, id: theirs!.id });
    const [after] = await handle.db.select({ northStar: growthPlans.northStar }).from(growthPlans).where(eq(growthPlans.ownerId, id));
    if (after!.northStar !== northStar) throw new NotAllowedError("The save went to the viewer's own plan, not to this person's.");
  },
  "edit or delete a milestone of a person's growth plan": async (viewer, id) => {
    const milestoneId = milestoneOf.get(id)!;
    const [current] = await handle.db.select({ revision: growthMilestones.revision }).from(growthMilestones).where(eq(growthMilestones.id, milestoneId));
    const { revision } = await updateMilestone(viewer, { ...milestoneFields({ title: `Write the design doc (${++counter})` }), id: milestoneId, revision: current!.revision });
    await deleteMilestone(viewer, { id: milestoneId, revision });
    // Put one back for the next cell.
    milestoneOf.set(id, (await addMilestone(viewer, milestoneFields())).id);
  },
  "link a milestone to a person's evidence": async (viewer, id) => {
    // A milestone is added to the viewer's own plan; the other person's evidence is refused on its field.
    const added = await addMilestone(viewer, milestoneFields({ evidenceId: evidenceOf.get(id) })).catch((err: unknown) => {
      if (err instanceof InvalidInputError && err.fieldErrors.evidenceId) throw new NotAllowedError(err.fieldErrors.evidenceId.join(" "));
      throw err;
    });
    await deleteMilestone(viewer, { id: added.id, revision: 1 });
  },
  "read a person's experiments and check-ins": async (viewer, id) => {
    await listExperiments(viewer, id);
    await listCheckIns(viewer, id);
  },
  "log, change or close a person's experiment": async (viewer, id) => {
    // Changing and closing name the experiment: someone else's is not found.
    const [theirs] = await handle.db.select().from(growthExperiments).where(and(eq(growthExperiments.ownerId, id), isNull(growthExperiments.closedAt))).limit(1);
    const { id: experimentId, revision, startsOn, endsOn } = theirs!;
    await updateExperiment(viewer, { ...experiment(`Changed in the authorization test (${++counter}).`), id: experimentId, revision: String(revision), startsOn, endsOn });
    await closeExperiment(viewer, { id: experimentId, revision: String(revision + 1), outcome: "It worked.", nextStep: "Keep it." });
    // Logging names nobody: the other person's id, sent along, must not be read.
    const count = () => handle.db.$count(growthExperiments, eq(growthExperiments.ownerId, id));
    const before = await count();
    await createExperiment(viewer, { ...experiment(), ownerId: id, personId: id });
    if ((await count()) !== before + 1) throw new NotAllowedError("The experiment went to the viewer's own log, not to this person's.");
  },
  "answer a person's half-yearly check-in": async (viewer, id) => {
    const count = () => handle.db.$count(growthCheckIns, eq(growthCheckIns.ownerId, id));
    const before = await count();
    await saveCheckIn(viewer, { ...checkIn, ownerId: id, personId: id });
    if ((await count()) !== before + 1) throw new NotAllowedError("The check-in went to the viewer's own plan, not to this person's.");
  },
  "read a person's skills inventory": (viewer, id) => getSkills(viewer, id),
  "write a person's skills inventory (skills, ratings, targets, gap actions)": async (viewer, id) => {
    // Like the plan: a save names no inventory; the other person's ids sent along must not be read.
    const [theirs] = await handle.db.select({ id: growthSkillInventories.id }).from(growthSkillInventories).where(eq(growthSkillInventories.ownerId, id));
    const name = `Skill ${++counter}`;
    const { revision } = await getSkills(viewer, viewer.id);
    await saveSkills(viewer, { ...skillsInput(revision, name), ownerId: id, personId: id, inventoryId: theirs!.id });
    const [after] = await handle.db.select({ name: growthSkills.name }).from(growthSkills).where(eq(growthSkills.inventoryId, theirs!.id));
    if (after!.name !== name) throw new NotAllowedError("The save went to the viewer's own inventory, not to this person's.");
  },
  "rate a person's skills beside their own (as their direct manager)": async (viewer, id) => {
    const [inventory] = await handle.db.select().from(growthSkillInventories).where(eq(growthSkillInventories.ownerId, id));
    const [skill] = await handle.db.select({ id: growthSkills.id }).from(growthSkills).where(eq(growthSkills.inventoryId, inventory!.id));
    await saveManagerRatings(viewer, { revision: inventory!.managerRevision, personId: id, ratings: [{ skillId: skill!.id, rating: (++counter % 5) + 1 }] });
  },
  "read a person's direction and archetype mix": (viewer, id) => getDirection(viewer, id),
  "write a person's direction and archetype mix": async (viewer, id) => {
    const [theirs] = await handle.db.select({ id: growthDirections.id }).from(growthDirections).where(eq(growthDirections.ownerId, id));
    const reason = `Written in the authorization test (${++counter}).`;
    const { revision } = await getDirection(viewer, viewer.id);
    await saveDirection(viewer, { revision, lean: "product", frameworkKey: "", reason, current: { techLead: 25, architect: 25, solver: 25, rightHand: 25 }, wanted: {}, ownerId: id, directionId: theirs!.id });
    const [after] = await handle.db.select({ reason: growthDirections.reason }).from(growthDirections).where(eq(growthDirections.ownerId, id));
    if (after!.reason !== reason) throw new NotAllowedError("The save went to the viewer's own direction, not to this person's.");
  },
  "write a person's manager assessment": async (viewer, id) => {
    const cycle = (await getOpenCycle())!;
    const draft = await startManagerAssessment(viewer, id, cycle.id);
    await saveAssessmentDraft(viewer, { assessmentId: draft.id, revision: draft.revision, ratings: [] });
  },
  "write one's own self-assessment": async (viewer) => {
    const mine = await startSelfAssessment(viewer, (await getOpenCycle())!.id);
    // The demo's Sam submitted his already, and a submitted one no longer changes (tested elsewhere).
    if (mine.status === "draft") await saveAssessmentDraft(viewer, { assessmentId: mine.id, revision: mine.revision, ratings: [] });
  },
  "read a person's self-assessment draft": async (viewer, id) => {
    // The person starts a draft of their own (the demo's Sam has already submitted his), then the viewer asks for it.
    const owner = (await loadViewer(id))!;
    const draft = await startSelfAssessment(owner, (await getOpenCycle())!.id);
    await getAssessment(viewer, draft.id);
  },
  "change a password with the current one": (viewer) => {
    const current = `${viewer.email.split(".")[0]}-waymark`;
    return changeOwnPassword(viewer, { current, password: "a-new-password-1", confirm: "a-new-password-1" }, { address: "192.0.2.99" });
  },
  "open or edit a person's promotion case": async (viewer, id) => {
    const c = await openCaseOf(id);
    if (!c) {
      const [anyStep] = await handle.db.select({ id: steps.id }).from(steps).where(eq(steps.versionId, versionId)).limit(1);
      return createCase(viewer, { subjectId: id, toStepId: anyStep!.id });
    }
    await setSessionStatus("preparing");
    await updateCase(viewer, { id: c.id, revision: c.revision, narrative: `${c.narrative} (${++counter})`, evidenceIds: [] });
  },
  "read a person's proposed promotion cases": async (viewer, id) => {
    const c = await openCaseOf(id);
    if (c) await getCase(viewer, c.id);
    else await listCasesAbout(viewer, id);
  },
  "pre-vote on a person's promotion case": async (viewer, id) => {
    const c = await openCaseOf(id);
    if (!c) throw new NotFoundError("That case");
    await setSessionStatus("preparing");
    await castVote(viewer, { caseId: c.id, stance: "question", note: `Vote ${++counter}` });
  },
  "decide a person's promotion case": async (viewer, id) => {
    const c = await openCaseOf(id);
    if (!c) throw new NotFoundError("That case");
    await setSessionStatus("in_session");
    try {
      await decideCase(viewer, { id: c.id, revision: c.revision, outcome: "deferred", rationale: `Decided in the authorization test (${++counter}).` });
    } finally {
      await setSessionStatus("preparing");
    }
  },
  "run a calibration session (open, start, close, publish)": async (viewer) => {
    const [cycle] = await handle.db
      .insert(reviewCycles)
      .values({ name: `Calibrated cycle ${++counter}`, startsOn: "2031-01-01", endsOn: "2031-06-30", status: "closed" })
      .returning({ id: reviewCycles.id });
    const { id } = await createSession(viewer, { reviewCycleId: cycle!.id, name: "Session", heldOn: "2031-06-30", calibratorIds: [] });
    await startSession(viewer, { id, revision: 1 });
    await closeSession(viewer, { id, revision: 2 });
    await publishSession(viewer, { id, revision: 3 });
  },
  "read a person's placement history": (viewer, id) => listPlacementHistory(viewer, id),
  "place a person on a step or correct a placement": async (viewer, id) => {
    // The history as an admin sees it, so that the correction is tried even when the viewer may not read it.
    const [latest] = await listPlacementHistory(viewers.admin, id);
    if (latest) await correctPlacement(viewer, { id: latest.id, revision: latest.revision, stepId: latest.step.id, effectiveOn: latest.effectiveOn, note: `Checked (${++counter})` });
    const [step] = await handle.db.select({ id: steps.id }).from(steps).where(eq(steps.versionId, versionId)).limit(1);
    await placePerson(viewer, { personId: id, stepId: step!.id, effectiveOn: isoDate(new Date()), reason: latest ? "correction" : "initial", note: "" });
  },
  "read a framework's versions and their diff": async (viewer) => {
    const [framework] = await listFrameworkVersions(viewer);
    const published = framework?.versions.filter((v) => v.status === "published") ?? [];
    if (published.length === 0) throw new NotFoundError("A published version");
    await getVersionDiff(viewer, framework!.key, published.at(-1)!.number, published[0]!.number);
  },
  "export a published framework version": (viewer) => exportFrameworkVersion(viewer, "engineering"),
  "export a framework draft": async (viewer) => {
    const draft = await newDraft();
    await exportFrameworkVersion(viewer, draft.frameworkKey, draft.number);
  },
  "import a framework file as a draft": async (viewer) => {
    const result = await importFramework(viewer, { text: frameworkCsv, kind: "csv", name: "Imported", frameworkKey: `imported-${++counter}` });
    if (!result.ok) throw new Error("the import failed");
  },
  "publish a framework draft": async (viewer) => {
    const draft = await newDraft();
    const result = await publishDraft(viewer, { versionId: draft.versionId, note: "Published in the authorization test." });
    if (!result.ok) throw new Error("the draft could not be published");
  },
  "open, edit or discard a framework draft": async (viewer) => {
    const draft = await newDraft();
    await openDraft(viewer, draft.frameworkKey);
    const editor = (await getDraftEditor(viewer, draft.frameworkKey)).draft!;
    const saved = await saveDraft(viewer, { versionId: editor.versionId, revision: editor.revision, content: editor.content });
    await discardDraft(viewer, { versionId: editor.versionId, revision: saved.revision });
  },
  "preview moving people to a new framework version": async (viewer) => {
    await frameworkToMove();
    const plan = await getMigrationPlan(viewer, "engineering");
    if (!plan.from || plan.movers.total === 0) throw new Error("the preview shows nobody to move");
  },
  "move people to a new framework version": async (viewer) => {
    await frameworkToMove();
    // The preview as an admin sees it, so that the move itself is tried as every viewer.
    const plan = await getMigrationPlan(viewers.admin, "engineering");
    const mapping = Object.fromEntries(plan.oldSteps.map((s) => [s.key, s.suggestion?.key ?? ""]));
    await applyMigration(viewer, { frameworkKey: "engineering", from: plan.from!.number, to: plan.to.number, mapping, note: "", fingerprint: plan.fingerprint });
  },
  "create, open or close a review cycle": async (viewer) => {
    await createCycle(viewer, { name: `Cycle ${++counter}`, startsOn: "2030-01-01", endsOn: "2030-06-30" });
    const open = (await getOpenCycle())!;
    await setCycleStatus(viewer, { id: open.id, status: "closed", revision: open.revision });
    const closed = (await listCycles()).find((c) => c.id === open.id)!;
    await setCycleStatus(viewer, { id: open.id, status: "open", revision: closed.revision });
  },
};

const table = readPolicyTable();

describe("docs/authorization.md", () => {
  it("lists every action this test knows, and this test knows every action it lists", () => {
    expect(table.map((r) => r.action).sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const row of table) expect(row.cells).toHaveLength(COLUMNS.length);
  });
});

describe.each(table)("$action", ({ action, cells }) => {
  it.each(COLUMNS.map(([role, relation], i) => ({ role, relation, expected: cells[i]! })))(
    "as $role on $relation: $expected",
    async ({ role, relation, expected }) => {
      if (expected === "—") return;
      const viewer = viewers[role];
      const targetId = targets[role]![relation]!;
      const before = await stateOf(targetId);
      const outcome = await ACTIONS[action]!(viewer, targetId).then(
        () => "yes" as const,
        (err: unknown) => {
          if (err instanceof NotFoundError || err instanceof NotAllowedError) return "no" as const;
          throw err;
        },
      );
      expect(outcome).toBe(expected);
      if (outcome === "no") expect(await stateOf(targetId)).toEqual(before);
    },
  );
});

describe("the people directory's choices of teams and managers", () => {
  it("refuses engineers, and offers a manager only their own tree's teams and managers", async () => {
    await expect(findDirectoryChoices(viewers.engineer, { team: "a", manager: "a" })).rejects.toBeInstanceOf(NotAllowedError);
    const every = { team: "", manager: "" };
    // Searched vowel by vowel (every name in the demo holds one), gathering all that is offered.
    const gather = async (viewer: Viewer) => {
      const found = { teams: new Set<string>(), managers: new Set<string>() };
      for (const v of "aeiou") {
        const { team, manager } = await findDirectoryChoices(viewer, { ...every, team: v, manager: v });
        for (const t of team!.matches) found.teams.add(t.name);
        for (const m of manager!.matches) found.managers.add(m.name.split(" (")[0]!);
      }
      return { teams: [...found.teams].sort(), managers: [...found.managers].sort() };
    };
    expect(await gather(viewers.manager)).toEqual({ teams: ["Platform"], managers: ["Priya Raman"] });
    const admin = await gather(viewers.admin);
    expect(admin.teams).toEqual(expect.arrayContaining(["Platform", "Product"]));
    expect(admin.managers).toEqual(expect.arrayContaining(["Alex Morgan", "Jonas Berg", "Marcus Bell", "Priya Raman"]));
  });
});

describe("a manager's people list", () => {
  it("holds exactly their reporting tree", async () => {
    const directory = await getPeopleDirectory(viewers.manager, { ...DEFAULT_DIRECTORY_QUERY, active: "all" });
    // Names may carry a counter from the edit cells above.
    expect(directory.people.map((p) => p.name.split(" (")[0]).sort()).toEqual(["Diego Alvarez", "Lena Fischer", "Mei Chen", "Sam Okafor"]);
  });
});
