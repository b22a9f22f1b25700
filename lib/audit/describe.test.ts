import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionGroups, auditReferences, describeAuditEvent, emptyAuditNames, isKnownAction, type AuditDescription, type AuditFacts, type AuditNames, type AuditPiece } from "./describe";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ALEX = id(1);
const SAM = id(2);
const PRIYA = id(3);
const MARCUS = id(4);
const PLATFORM = id(10);
const PRODUCT = id(11);
const SENIOR = id(20);
const STAFF = id(21);
const SCOPE = id(30);
const CYCLE = id(40);
const SESSION = id(50);
const CASE = id(60);
const EVIDENCE = id(70);
const VERSION = id(80);
const DRAFT = id(81);
const ASSESSMENT = id(90);
const GONE = id(999);

const names: AuditNames = {
  ...emptyAuditNames(),
  people: new Map([
    [ALEX, "Alex Morgan"],
    [SAM, "Sam Okafor"],
    [PRIYA, "Priya Raman"],
    [MARCUS, "Marcus Bell"],
  ]),
  teams: new Map([
    [PLATFORM, "Platform"],
    [PRODUCT, "Product"],
  ]),
  steps: new Map([
    [SENIOR, "Senior Engineer"],
    [STAFF, "Staff Engineer"],
  ]),
  dimensions: new Map([[SCOPE, "Scope of influence"]]),
  cycles: new Map([[CYCLE, "2026 H2 review"]]),
  sessions: new Map([[SESSION, "2026 H2 calibration"]]),
  cases: new Map([[CASE, true]]),
  evidence: new Map([[EVIDENCE, { title: "Retry design", visible: true }]]),
  assessments: new Map([[ASSESSMENT, { kind: "self", cycleId: CYCLE }]]),
  versions: new Map([
    [VERSION, { key: "engineering", name: "Engineering career path", number: 2, status: "published" }],
    [DRAFT, { key: "engineering", name: "Engineering career path", number: 3, status: "draft" }],
  ]),
  frameworks: new Map([["engineering", "Engineering career path"]]),
};

const sam = { id: SAM, name: "Sam Okafor" };

function event(e: Partial<AuditFacts> & Pick<AuditFacts, "action" | "entityType">): AuditFacts {
  return { entityId: GONE, actorId: ALEX, subject: null, before: null, after: null, ...e };
}

/** The phrase as text, with [brackets] around each linked name. */
function phrase(d: AuditDescription): string {
  return d.phrase.map((p: AuditPiece) => (typeof p === "string" ? p : p.href ? `[${p.text}]` : p.text)).join("");
}
const lines = (d: AuditDescription) => d.changes.map((c) => `${c.field}: ${[c.from, c.to].filter((v) => v !== undefined).join(" → ")}`);
const said = (e: AuditFacts) => describeAuditEvent(e, names);

describe("people", () => {
  it("names a new person, with their role, manager and team resolved", () => {
    const d = said(
      event({
        action: "user.create",
        entityType: "user",
        entityId: SAM,
        subject: sam,
        after: { email: "sam@example.com", name: "Sam Okafor", role: "engineer", managerId: PRIYA, teamId: PLATFORM, password: "link" },
      }),
    );
    expect(phrase(d)).toBe("added [Sam Okafor] as an engineer");
    expect(d.phrase[1]).toEqual({ text: "Sam Okafor", href: `/people/${SAM}` });
    expect(lines(d)).toEqual(["Email: sam@example.com", "Manager: Priya Raman", "Team: Platform", "Password: a one-time set-password link"]);
  });

  it("says where an imported person came from", () => {
    const d = said(
      event({ action: "user.create", entityType: "user", entityId: SAM, subject: sam, after: { email: "sam@example.com", name: "Sam Okafor", role: "manager", manager: "alex@example.com", team: "Data", via: "import" } }),
    );
    expect(phrase(d)).toBe("added [Sam Okafor] as a manager from a people import");
    expect(lines(d)).toEqual(["Email: sam@example.com", "Manager: alex@example.com", "Team: Data"]);
  });

  it("lists only the fields an edit changed, in words", () => {
    const d = said(
      event({
        action: "user.update",
        entityType: "user",
        entityId: SAM,
        subject: sam,
        before: { name: "Sam Okafor", role: "engineer", managerId: PRIYA, teamId: PLATFORM },
        after: { name: "Sam Okafor", role: "manager", managerId: MARCUS, teamId: null },
      }),
    );
    expect(phrase(d)).toBe("changed [Sam Okafor]’s role, manager and team");
    expect(lines(d)).toEqual(["Role: Engineer → Manager", "Manager: Priya Raman → Marcus Bell", "Team: Platform → no team"]);
  });

  it("reads an import's edit, with emails and team names", () => {
    const d = said(
      event({ action: "user.update", entityType: "user", entityId: SAM, subject: sam, before: { role: "engineer", team: null }, after: { role: "admin", team: "Data", via: "import" } }),
    );
    expect(phrase(d)).toBe("changed [Sam Okafor]’s role and team from a people import");
    expect(lines(d)).toEqual(["Role: Engineer → Admin", "Team: no team → Data"]);
  });

  it("says so when a save changed nothing", () => {
    const same = { name: "Sam Okafor", role: "engineer", managerId: PRIYA, teamId: PLATFORM };
    const d = said(event({ action: "user.update", entityType: "user", entityId: SAM, subject: sam, before: same, after: same }));
    expect(phrase(d)).toBe("saved [Sam Okafor]’s details without changing them");
    expect(d.changes).toEqual([]);
  });

  it("describes deactivation, passwords, the first admin and the demo's people", () => {
    const onSam = { entityType: "user", entityId: SAM, subject: sam } as const;
    expect(phrase(said(event({ action: "user.deactivate", ...onSam, before: { active: true }, after: { active: false } })))).toBe("deactivated [Sam Okafor]");
    expect(phrase(said(event({ action: "user.reactivate", ...onSam, before: { active: false }, after: { active: true } })))).toBe("reactivated [Sam Okafor]");
    expect(phrase(said(event({ action: "user.password-link", ...onSam })))).toBe("made a one-time set-password link for [Sam Okafor]");
    expect(phrase(said(event({ action: "user.set-password", ...onSam, actorId: SAM })))).toBe("set their password with a one-time link");
    expect(phrase(said(event({ action: "user.change-password", ...onSam, actorId: SAM })))).toBe("changed their password");
    const first = said(event({ action: "user.create-first-admin", ...onSam, actorId: null, after: { email: "sam@example.com", name: "Sam Okafor", role: "admin" } }));
    expect(phrase(first)).toBe("made [Sam Okafor] the first admin");
    const seeded = said(event({ action: "user.seed", ...onSam, actorId: null, after: { name: "Sam Okafor", email: "sam@example.com", role: "engineer", team: "Platform", manager: "priya", placement: null } }));
    expect(phrase(seeded)).toBe("added [Sam Okafor] with the demo organisation");
    expect(lines(seeded)).toEqual(["Email: sam@example.com", "Role: Engineer", "Team: Platform"]);
  });
});

describe("teams", () => {
  it("links a team to the teams page and words a rename", () => {
    expect(phrase(said(event({ action: "team.create", entityType: "team", entityId: PLATFORM, after: { name: "Platform" } })))).toBe("created the team [Platform]");
    expect(phrase(said(event({ action: "team.create", entityType: "team", entityId: PLATFORM, after: { name: "Platform", via: "import" } })))).toBe(
      "created the team [Platform] from a people import",
    );
    const renamed = said(event({ action: "team.rename", entityType: "team", entityId: PLATFORM, before: { name: "Core" }, after: { name: "Platform" } }));
    expect(phrase(renamed)).toBe("renamed the team [Platform]");
    expect(renamed.phrase[1]).toEqual({ text: "Platform", href: "/teams" });
    expect(lines(renamed)).toEqual(["Name: Core → Platform"]);
    // An older event names the team as it was called then; a team no longer there is not linked.
    expect(renamed.phrase[1]).toEqual(said(event({ action: "team.create", entityType: "team", entityId: PLATFORM, after: { name: "Platform" } })).phrase[1]);
    expect(said(event({ action: "team.rename", entityType: "team", entityId: PLATFORM, before: { name: "A" }, after: { name: "Core" } })).phrase[1]).toEqual({ text: "Core", href: "/teams" });
    expect(said(event({ action: "team.create", entityType: "team", entityId: GONE, after: { name: "Old guild" } })).phrase).toEqual(["created the team ", "Old guild"]);
    expect(phrase(said(event({ action: "team.seed", entityType: "team", entityId: PRODUCT, actorId: null, after: { name: "Product" } })))).toBe(
      "created the team [Product] with the demo organisation",
    );
  });
});

describe("a team's lead", () => {
  const lead = (before: Record<string, unknown>, after: Record<string, unknown>) =>
    said(event({ action: "team.lead", entityType: "team", entityId: PLATFORM, before: { name: "Platform", ...before }, after: { name: "Platform", ...after } }));

  it("names the new lead and the one before, linked while they are on record", () => {
    const first = lead({ leadId: null, leadName: null }, { leadId: PRIYA, leadName: "Priya Raman" });
    expect(phrase(first)).toBe("made [Priya Raman] the lead of [Platform]");
    expect(first.phrase[1]).toEqual({ text: "Priya Raman", href: `/people/${PRIYA}` });
    expect(lines(first)).toEqual(["Lead: no lead → Priya Raman"]);
    expect(lines(lead({ leadId: PRIYA, leadName: "Priya Raman" }, { leadId: MARCUS, leadName: "Marcus Bell" }))).toEqual(["Lead: Priya Raman → Marcus Bell"]);
  });

  it("words a cleared lead, and a lead no longer on record by the name recorded", () => {
    const cleared = lead({ leadId: PRIYA, leadName: "Priya Raman" }, { leadId: null, leadName: null });
    expect(phrase(cleared)).toBe("left [Platform] without a lead");
    expect(lines(cleared)).toEqual(["Lead: Priya Raman → no lead"]);
    const gone = lead({ leadId: null }, { leadId: GONE, leadName: "Old Lead" });
    expect(phrase(gone)).toBe("made Old Lead the lead of [Platform]");
    expect(auditReferences([{ entityType: "team", entityId: PLATFORM, before: { leadId: PRIYA }, after: { leadId: MARCUS } }]).people).toEqual(new Set([PRIYA, MARCUS]));
  });
});

describe("placements", () => {
  const summary = { personId: SAM, step: "Senior Engineer", stepKey: "senior-engineer", version: 1, effectiveOn: "2026-03-01", reason: "initial", note: "Joined as a senior." };

  it("places a person, with the date, the reason and the note as text", () => {
    const d = said(event({ action: "placement.create", entityType: "placement", subject: sam, after: summary }));
    expect(phrase(d)).toBe("placed [Sam Okafor] on Senior Engineer");
    expect(lines(d)).toEqual(["Effective from: 1 March 2026", "Reason: Initial placement"]);
    expect(d.notes).toEqual([{ label: "Note", text: "Joined as a senior." }]);
    expect(phrase(said(event({ action: "placement.create", entityType: "placement", subject: sam, after: { ...summary, note: "", via: "import" } })))).toBe(
      "placed [Sam Okafor] on Senior Engineer from a people import",
    );
  });

  it("words a move to a new framework version, from step to step", () => {
    const d = said(
      event({
        action: "placement.create",
        entityType: "placement",
        subject: sam,
        before: { personId: SAM, step: "Senior Engineer", stepKey: "senior-engineer", version: 1, effectiveOn: "2025-01-01" },
        after: { personId: SAM, step: "Senior Engineer I", stepKey: "senior-engineer", version: 2, effectiveOn: "2025-01-01", reason: "migration", note: "", via: "migration" },
      }),
    );
    expect(phrase(d)).toBe("moved [Sam Okafor] to Senior Engineer I on version 2");
    expect(lines(d)).toEqual(["Step: Senior Engineer (version 1) → Senior Engineer I (version 2)", "Reason: none → Migration to a new version"]);
  });

  it("words a correction and a promotion", () => {
    const corrected = said(
      event({ action: "placement.correct", entityType: "placement", subject: sam, before: summary, after: { ...summary, step: "Staff Engineer", reason: "correction", note: "Fixed a slip." } }),
    );
    expect(phrase(corrected)).toBe("corrected [Sam Okafor]’s placement");
    expect(lines(corrected)).toEqual(["Step: Senior Engineer (version 1) → Staff Engineer (version 1)", "Reason: Initial placement → Correction"]);
    expect(corrected.notes).toEqual([{ label: "Note", text: "Fixed a slip." }]);
    const promoted = said(event({ action: "placement.promote", entityType: "placement", subject: sam, after: { personId: SAM, stepId: STAFF, effectiveOn: "2026-12-01", reason: "promotion", caseId: CASE } }));
    expect(phrase(promoted)).toBe("placed [Sam Okafor] on Staff Engineer after an approved [promotion case]");
    expect(promoted.phrase.at(-1)).toEqual({ text: "promotion case", href: `/cases/${CASE}` });
    expect(lines(promoted)).toEqual(["Effective from: 1 December 2026"]);
  });
});

describe("frameworks", () => {
  it("words publishing, with the change note as text", () => {
    const d = said(
      event({ action: "framework.publish", entityType: "framework_version", entityId: VERSION, before: { status: "draft" }, after: { framework: "engineering", number: 2, status: "published", notes: "<b>New</b> steps", via: "app" } }),
    );
    expect(phrase(d)).toBe("published version 2 of [Engineering career path]");
    expect(d.phrase.at(-1)).toEqual({ text: "Engineering career path", href: "/frameworks/engineering/diff?to=2" });
    expect(d.notes).toEqual([{ label: "Change note", text: "<b>New</b> steps" }]);
  });

  it("words a draft's life, linking the draft while it is the one being edited", () => {
    const opened = said(event({ action: "framework.draft.open", entityType: "framework_version", entityId: DRAFT, after: { framework: "engineering", number: 3, copiedFrom: 2 } }));
    expect(phrase(opened)).toBe("started a draft of version 3 of [Engineering career path], copied from version 2");
    expect(opened.phrase[1]).toEqual({ text: "Engineering career path", href: "/frameworks/engineering/draft" });
    const saved = said(
      event({ action: "framework.draft.save", entityType: "framework_version", entityId: DRAFT, after: { framework: "engineering", number: 3, revision: 4, steps: 9, dimensions: 3, transitions: 10, cells: 27 } }),
    );
    expect(phrase(saved)).toBe("saved the draft of version 3 of [Engineering career path] (9 steps, 3 dimensions)");
    expect(lines(saved)).toEqual(["Transitions: 10", "Cells: 27"]);
    const discarded = said(event({ action: "framework.draft.discard", entityType: "framework_version", entityId: GONE, before: { framework: "engineering", number: 4, status: "draft" } }));
    expect(phrase(discarded)).toBe("discarded the draft of version 4 of [Engineering career path]");
    expect(discarded.phrase[1]).toEqual({ text: "Engineering career path", href: "/frameworks" });
  });

  it("words an import from the app and from the command line", () => {
    const d = said(
      event({
        action: "framework.import",
        entityType: "framework_version",
        entityId: DRAFT,
        after: { framework: "engineering", number: 3, status: "draft", kind: "csv", newFramework: false, steps: 9, dimensions: 3, via: "app" },
      }),
    );
    expect(phrase(d)).toBe("imported [Engineering career path] from a spreadsheet as a draft of version 3");
    expect(lines(d)).toEqual(["Steps: 9", "Dimensions: 3"]);
    const cli = said(
      event({ action: "framework.import", entityType: "framework_version", entityId: GONE, actorId: null, after: { framework: "data", number: 1, kind: "json", newFramework: true, steps: 2, dimensions: 2, via: "cli" } }),
    );
    expect(phrase(cli)).toBe("imported the new framework [data] from a JSON file as a draft of version 1 from the command line");
  });

  it("words moving everyone to a new version and loading the default framework", () => {
    const d = said(
      event({
        action: "framework.migrate",
        entityType: "framework_version",
        entityId: VERSION,
        before: { framework: "engineering", version: 1, people: 8 },
        after: { framework: "engineering", from: 1, to: 2, moved: 8, keptTimeAtStep: 6, evidenceLinks: 14, mapping: { "senior-engineer": "senior-engineer-1" }, note: "Split senior.", via: "app" },
      }),
    );
    expect(phrase(d)).toBe("moved 8 people from version 1 to version 2 of [Engineering career path]");
    expect(lines(d)).toEqual(["Time at step kept: 6 people", "Evidence links carried over: 14", "Step: senior-engineer → senior-engineer-1"]);
    expect(d.notes).toEqual([{ label: "Note", text: "Split senior." }]);
    expect(phrase(said(event({ action: "framework.seed", entityType: "framework_version", entityId: GONE, actorId: null, after: { framework: "engineering", number: 1, status: "published" } })))).toBe(
      "loaded version 1 of [Engineering career path]",
    );
  });
});

describe("review cycles", () => {
  it("names the cycle, linked to the cycles page, with its dates", () => {
    const created = said(event({ action: "cycle.create", entityType: "review_cycle", entityId: CYCLE, after: { name: "2026 H2 review", startsOn: "2026-07-01", endsOn: "2026-12-31", status: "closed" } }));
    expect(phrase(created)).toBe("created the review cycle [2026 H2 review]");
    expect(lines(created)).toEqual(["Dates: 1 July 2026 – 31 December 2026"]);
    expect(phrase(said(event({ action: "cycle.open", entityType: "review_cycle", entityId: CYCLE, before: { status: "closed" }, after: { status: "open" } })))).toBe("opened the review cycle [2026 H2 review]");
    expect(phrase(said(event({ action: "cycle.close", entityType: "review_cycle", entityId: CYCLE, before: { status: "open" }, after: { status: "closed" } })))).toBe("closed the review cycle [2026 H2 review]");
    expect(phrase(said(event({ action: "cycle.seed", entityType: "review_cycle", entityId: GONE, actorId: null, after: { name: "2025 H1 review", startsOn: "2025-01-01", endsOn: "2025-06-30", status: "closed" } })))).toBe(
      "created the review cycle 2025 H1 review with the demo organisation",
    );
  });
});

describe("assessments", () => {
  it("words a person's own self-assessment, and a manager's assessment of them", () => {
    expect(phrase(said(event({ action: "assessment.start", entityType: "assessment", entityId: ASSESSMENT, actorId: SAM, subject: sam, after: { kind: "self", cycleId: CYCLE } })))).toBe(
      "started their self-assessment for [2026 H2 review]",
    );
    expect(
      phrase(said(event({ action: "assessment.start", entityType: "assessment", entityId: GONE, actorId: PRIYA, subject: sam, after: { kind: "manager", subjectId: SAM, cycleId: CYCLE } }))),
    ).toBe("started the manager assessment of [Sam Okafor] for [2026 H2 review]");
    const handOver = said(event({ action: "assessment.hand-over", entityType: "assessment", actorId: MARCUS, subject: sam, before: { authorId: PRIYA }, after: { authorId: MARCUS } }));
    expect(phrase(handOver)).toBe("took over the manager assessment of [Sam Okafor] from [Priya Raman]");
  });

  it("lists a submitted assessment's picks, dimension by dimension", () => {
    const d = said(
      event({ action: "assessment.submit", entityType: "assessment", entityId: ASSESSMENT, actorId: SAM, subject: sam, after: { kind: "self", ratings: [{ dimensionId: SCOPE, stepId: STAFF }] } }),
    );
    expect(phrase(d)).toBe("submitted their self-assessment for [2026 H2 review]");
    expect(lines(d)).toEqual(["Scope of influence: Staff Engineer"]);
    expect(phrase(said(event({ action: "assessment.seed", entityType: "assessment", entityId: GONE, actorId: null, subject: sam, after: { kind: "manager", submitted: true } })))).toBe(
      "added [Sam Okafor]’s manager assessment (submitted) with the demo organisation",
    );
  });
});

describe("evidence", () => {
  const item = { title: "Retry design", kind: "design-doc", occurredOn: "2026-02-01", link: "https://example.com/rfc", bodyLength: 120, cells: 2 };

  it("links evidence the viewer may open, and words an edit field by field", () => {
    const created = said(event({ action: "evidence.create", entityType: "evidence", entityId: EVIDENCE, actorId: SAM, subject: sam, after: item }));
    expect(phrase(created)).toBe("added the evidence [“Retry design”]");
    expect(created.phrase[1]).toEqual({ text: "“Retry design”", href: `/evidence/${EVIDENCE}` });
    expect(lines(created)).toEqual(["Kind: Design doc", "Date: 1 February 2026", "Link: https://example.com/rfc", "Text: 120 characters", "Cells: 2 cells"]);
    const edited = said(event({ action: "evidence.update", entityType: "evidence", entityId: EVIDENCE, actorId: SAM, subject: sam, before: item, after: { ...item, title: "Retry design v2", cells: 3 } }));
    expect(lines(edited)).toEqual(["Title: Retry design → Retry design v2", "Cells: 2 cells → 3 cells"]);
  });

  it("names deleted evidence by its title, unlinked, and evidence the viewer may not open without a link", () => {
    const deleted = said(event({ action: "evidence.delete", entityType: "evidence", entityId: GONE, actorId: SAM, subject: sam, before: { ...item, title: "Old talk" } }));
    expect(phrase(deleted)).toBe("deleted the evidence “Old talk”");
    const hidden: AuditNames = { ...names, evidence: new Map([[EVIDENCE, { title: "Retry design", visible: false }]]) };
    expect(describeAuditEvent(event({ action: "evidence.seed", entityType: "evidence", entityId: EVIDENCE, actorId: null, subject: sam, after: { title: "Retry design" } }), hidden).phrase).toContain(
      "“Retry design”",
    );
  });
});

describe("growth plans", () => {
  const lanes = [
    { position: 1, name: "Technical depth", outcome: "Own the ledger.", metrics: "Two design docs." },
    { position: 2, name: "Systems thinking and impact", outcome: "", metrics: "" },
  ];
  const plan = { northStar: "The go-to owner of payments.", horizon: "2029-06", lanes };
  const onPlan = { entityType: "growth_plan", entityId: GONE, actorId: SAM, subject: sam } as const;

  it("words a first save: the plan linked to its page, the horizon, the lanes and the north star as text", () => {
    const d = said(event({ action: "plan.update", ...onPlan, before: null, after: plan }));
    expect(phrase(d)).toBe("wrote their [growth plan]");
    expect(d.phrase[2]).toEqual({ text: "growth plan", href: `/people/${SAM}/plan` });
    expect(lines(d)).toEqual(["Horizon: June 2029", "Lanes: “Technical depth” and “Systems thinking and impact”"]);
    expect(d.notes).toEqual([{ label: "North star", text: "The go-to owner of payments." }]);
  });

  it("lists what a later save changed, lane by lane, with the texts' lengths rather than the texts", () => {
    const after = {
      northStar: "<b>Owner</b> of payments and billing.",
      horizon: "2029-12",
      lanes: [
        { position: 1, name: "Payments depth", outcome: "Own the ledger and its storage.", metrics: "" },
        { position: 3, name: "Leadership", outcome: "", metrics: "" },
      ],
    };
    const d = said(event({ action: "plan.update", ...onPlan, before: plan, after }));
    expect(phrase(d)).toBe("changed their [growth plan]");
    expect(lines(d)).toEqual([
      "Horizon: June 2029 → December 2029",
      "North star: rewritten, 37 characters",
      "Lane 1 name: Technical depth → Payments depth",
      "Lane 1 outcome: rewritten, 31 characters",
      "Lane 1 metrics: cleared",
      "Lane 2: removed “Systems thinking and impact”",
      "Lane 3: added “Leadership”",
    ]);
    expect(d.notes).toEqual([{ label: "North star", text: "<b>Owner</b> of payments and billing." }]);
    const unchangedStar = said(event({ action: "plan.update", ...onPlan, before: plan, after: { ...plan, lanes: [{ ...lanes[0]!, metrics: "Three design docs." }, lanes[1]] } }));
    expect(lines(unchangedStar)).toEqual(["Lane 1 metrics: rewritten, 18 characters"]);
    expect(unchangedStar.notes).toEqual([]);
  });

  it("says so when a save changed nothing, and survives what no save records", () => {
    expect(phrase(said(event({ action: "plan.update", ...onPlan, before: plan, after: plan })))).toBe("saved their [growth plan] without changing it");
    const odd = said(event({ action: "plan.update", ...onPlan, subject: null, before: { lanes: "x" }, after: { lanes: [null, 1, { position: "1" }], northStar: 5 } }));
    expect(phrase(odd)).toBe("changed their growth plan");
    expect(lines(odd)).toEqual(["North star: written, 1 character"]);
  });
});

describe("growth plan milestones", () => {
  const milestone = {
    title: "Retry design doc",
    lane: 1,
    laneName: "Payments depth",
    quarter: "2026-10-01",
    targetWeek: 5,
    artifact: "design-doc",
    success: "Accepted by two teams.",
    done: false,
    evidenceId: null,
  };
  const onMilestone = { entityType: "growth_milestone", entityId: GONE, actorId: SAM, subject: sam } as const;

  it("words a new milestone: its lane, the week of the quarter it is due, its artifact and the evidence it links to", () => {
    const d = said(event({ action: "plan.milestone.create", ...onMilestone, after: { ...milestone, evidenceId: EVIDENCE } }));
    expect(phrase(d)).toBe("added the milestone “Retry design doc” to their [growth plan]");
    expect(lines(d)).toEqual(["Lane: Payments depth", "Due: Week 5 of Q4 2026", "Artifact: Design doc", "Success measure: written, 22 characters", "Evidence: “Retry design”"]);
  });

  it("says a milestone was marked done, and lists what an edit changed", () => {
    expect(phrase(said(event({ action: "plan.milestone.update", ...onMilestone, before: milestone, after: { ...milestone, done: true } })))).toBe(
      "marked the milestone “Retry design doc” done on their [growth plan]",
    );
    expect(phrase(said(event({ action: "plan.milestone.update", ...onMilestone, before: { ...milestone, done: true }, after: milestone })))).toBe(
      "marked the milestone “Retry design doc” not done on their [growth plan]",
    );
    const edited = said(
      event({ action: "plan.milestone.update", ...onMilestone, before: milestone, after: { ...milestone, title: "Retry RFC", laneName: "Reliability", lane: 2, targetWeek: 7, artifact: "talk", evidenceId: GONE, done: true } }),
    );
    expect(phrase(edited)).toBe("changed the milestone “Retry RFC” of their [growth plan]");
    expect(lines(edited)).toEqual([
      "Title: Retry design doc → Retry RFC",
      "Lane: Payments depth → Reliability",
      "Due: Week 5 of Q4 2026 → Week 7 of Q4 2026",
      "Artifact: Design doc → Talk",
      "Evidence: none → “an evidence item since deleted”",
      "Done: no → yes",
    ]);
    expect(phrase(said(event({ action: "plan.milestone.delete", ...onMilestone, before: milestone })))).toBe("deleted the milestone “Retry design doc” from their [growth plan]");
  });
});

describe("experiments and check-ins", () => {
  const onExperiment = { entityType: "growth_experiment", entityId: GONE, actorId: SAM, subject: sam } as const;
  const experiment = { hypothesis: "Leading on-call makes me the reliability person.", startsOn: "2026-09-07", endsOn: "2026-11-09", actions: "Run the rota.", metrics: "", rollback: "Design work slips." };

  it("words a new experiment with its dates and its hypothesis as text", () => {
    const d = said(event({ action: "plan.experiment.create", ...onExperiment, after: experiment }));
    expect(phrase(d)).toBe("logged an experiment on their [growth plan]");
    expect(lines(d)).toEqual(["Runs: 7 September 2026 to 9 November 2026"]);
    expect(d.notes).toEqual([{ label: "Hypothesis", text: "Leading on-call makes me the reliability person." }]);
  });

  it("lists what a change changed, texts by their length, and names the experiment by its hypothesis cut short", () => {
    const after = { ...experiment, hypothesis: `<b>${"h".repeat(100)}</b>`, endsOn: "2026-11-30", metrics: "Pages halve." };
    const d = said(event({ action: "plan.experiment.update", ...onExperiment, actorId: SAM, subject: { id: PRIYA, name: "Priya Raman" }, before: experiment, after }));
    expect(phrase(d)).toBe(`changed the experiment “<b>${"h".repeat(76)}…” on [Priya Raman]’s [growth plan]`);
    expect(lines(d)).toEqual(["Ends: 9 November 2026 → 30 November 2026", "Hypothesis: rewritten, 107 characters", "Success metrics: written, 12 characters"]);
    expect(phrase(said(event({ action: "plan.experiment.update", ...onExperiment, before: experiment, after: experiment })))).toBe(
      "saved the experiment “Leading on-call makes me the reliability person.” on their [growth plan] without changing it",
    );
  });

  it("words a close with the outcome and the next step as text, and survives what no close records", () => {
    const d = said(event({ action: "plan.experiment.close", ...onExperiment, before: experiment, after: { ...experiment, outcome: "Pages halved.", nextStep: "Keep it." } }));
    expect(phrase(d)).toBe("closed the experiment “Leading on-call makes me the reliability person.” on their [growth plan]");
    expect(d.notes).toEqual([
      { label: "Outcome", text: "Pages halved." },
      { label: "Next step", text: "Keep it." },
    ]);
    expect(phrase(said(event({ action: "plan.experiment.close", ...onExperiment, subject: null, after: { hypothesis: ["x"] } })))).toBe("closed an experiment on their growth plan");
  });

  it("words a check-in by its four feelings, leaving out what is not one", () => {
    const after = { learning: "Yes.", learningRating: 4, lookingForwardRating: 2, connectedRating: 9, impactRating: "5" };
    const d = said(event({ action: "plan.check-in.create", entityType: "growth_check_in", entityId: GONE, actorId: SAM, subject: sam, after }));
    expect(phrase(d)).toBe("answered the half-yearly check-in on their [growth plan]");
    expect(lines(d)).toEqual(["Learning: 4 of 5", "Looking forward to work: 2 of 5"]);
  });
});

describe("skills inventories and directions", () => {
  const onSkills = { entityType: "skill_inventory", entityId: GONE, actorId: SAM, subject: sam } as const;
  const testing = { id: id(501), area: "Core", name: "Testing", rating: 2, target: 4 };
  const design = { id: id(502), area: "Architecture", name: "System design", rating: null, target: null };

  it("words a first inventory by its size, and a later save skill by skill: renamed, moved, rated, added, removed", () => {
    const first = said(event({ action: "plan.skills.update", ...onSkills, before: null, after: { skills: [testing, design] } }));
    expect(phrase(first)).toBe("wrote their [skills inventory]");
    expect(first.phrase[2]).toEqual({ text: "skills inventory", href: `/people/${SAM}/plan/skills` });
    expect(lines(first)).toEqual(["Skills: 2 skills in 2 areas"]);
    const after = { skills: [{ ...testing, name: "Testing well", area: "Craft", rating: 3, target: 5 }, { id: id(503), area: "Domain", name: "Payments", rating: 1, target: null }] };
    const later = said(event({ action: "plan.skills.update", ...onSkills, before: { skills: [testing, design] }, after }));
    expect(phrase(later)).toBe("changed their [skills inventory]");
    expect(lines(later)).toEqual([
      "Testing: renamed “Testing well”",
      "Testing well: moved to Craft",
      "Testing well rating: 2 → 3",
      "Testing well target: 4 → 5",
      "Payments: added in Domain, rated 1",
      "System design: removed",
    ]);
    expect(phrase(said(event({ action: "plan.skills.update", ...onSkills, before: { skills: [testing] }, after: { skills: [testing] } })))).toBe("saved their [skills inventory] without changing it");
  });

  it("words a manager's ratings as the skill, from and to, and a gap's actions by their lengths", () => {
    const rated = said(event({ action: "plan.skills.rate", ...onSkills, actorId: PRIYA, before: { ratings: [{ name: "Testing", rating: null }, { name: "Debugging", rating: 4 }] }, after: { ratings: [{ name: "Testing", rating: 3 }, { name: "Debugging", rating: null }] } }));
    expect(phrase(rated)).toBe("rated [Sam Okafor]’s [skills]");
    expect(lines(rated)).toEqual(["Testing: not rated → 3", "Debugging: 4 → cleared"]);
    const actions = said(event({ action: "plan.skills.actions", ...onSkills, before: { actions: [{ name: "Testing", read: "", practise: "x", show: "y" }] }, after: { actions: [{ name: "Testing", read: "A book", practise: "", show: "y" }] } }));
    expect(phrase(actions)).toBe("changed the actions for their [skill gaps]");
    expect(lines(actions)).toEqual(["Testing: read: written, 6 characters", "Testing: practise: cleared"]);
  });

  it("words a direction: the lean, the reason as a note, and each mix as its four shares", () => {
    const onDirection = { entityType: "growth_direction", entityId: GONE, actorId: SAM, subject: sam } as const;
    const mix = { techLead: 30, architect: 20, solver: 40, rightHand: 10 };
    const first = said(event({ action: "plan.direction.update", ...onDirection, before: null, after: { lean: "staff", frameworkKey: null, reason: "Depth.", currentMix: mix, wantedMix: null } }));
    expect(phrase(first)).toBe("wrote their [direction]");
    expect(lines(first)).toEqual(["Leans towards: deeper technical (staff)", "Why: written, 6 characters", "Mix now: Tech Lead 30%, Architect 20%, Solver 40%, Right Hand 10%"]);
    expect(first.notes).toEqual([{ label: "Why", text: "Depth." }]);
    const later = said(event({ action: "plan.direction.update", ...onDirection, actorId: ALEX, before: { lean: "staff", reason: "Depth.", currentMix: mix }, after: { lean: "framework", frameworkKey: "engineering-management", reason: "Depth.", currentMix: mix, wantedMix: { ...mix, architect: 40, solver: 20 } } }));
    expect(phrase(later)).toBe("changed [Sam Okafor]’s [direction]");
    expect(lines(later)).toEqual(["Leans towards: deeper technical (staff) → the engineering-management framework", "Mix wanted: none → Tech Lead 30%, Architect 40%, Solver 20%, Right Hand 10%"]);
    expect(later.notes).toEqual([]);
  });
});

describe("promotion cases", () => {
  const onCase = { entityType: "promotion_case", entityId: CASE, actorId: PRIYA, subject: sam } as const;

  it("links the case while it exists, and names its subject", () => {
    const created = said(event({ action: "case.create", ...onCase, after: { subjectId: SAM, from: "Senior Engineer", to: "Staff Engineer" } }));
    expect(phrase(created)).toBe("opened a [promotion case] for [Sam Okafor]");
    expect(lines(created)).toEqual(["Step: Senior Engineer → Staff Engineer"]);
    expect(phrase(said(event({ action: "case.propose", ...onCase, before: { status: "draft" }, after: { status: "proposed" } })))).toBe("proposed the [promotion case] for [Sam Okafor]");
    expect(phrase(said(event({ action: "case.withdraw", ...onCase, before: { status: "proposed" }, after: { status: "withdrawn" } })))).toBe("withdrew the [promotion case] for [Sam Okafor]");
    expect(phrase(said(event({ action: "case.discard", ...onCase, entityId: GONE, before: { status: "draft", subjectId: SAM } })))).toBe("discarded the draft promotion case for [Sam Okafor]");
  });

  it("words an edit, a pre-vote (without what it says) and a decision with its rationale as text", () => {
    const edited = said(
      event({
        action: "case.update",
        ...onCase,
        before: { toStepId: SENIOR, narrativeLength: 10, evidenceIds: [] },
        after: { toStepId: STAFF, narrativeLength: 1200, evidenceIds: [EVIDENCE] },
      }),
    );
    expect(lines(edited)).toEqual(["Target step: Senior Engineer → Staff Engineer", "Narrative: 10 characters → 1,200 characters", "Evidence: 0 items → 1 item"]);
    expect(phrase(said(event({ action: "case.vote", ...onCase, actorId: ALEX, after: { sessionId: SESSION } })))).toBe("pre-voted on the [promotion case] for [Sam Okafor] in [2026 H2 calibration]");
    expect(phrase(said(event({ action: "case.vote.change", ...onCase, actorId: ALEX, after: { sessionId: SESSION } })))).toBe(
      "changed their pre-vote on the [promotion case] for [Sam Okafor] in [2026 H2 calibration]",
    );
    const decided = said(
      event({ action: "case.decide", ...onCase, actorId: ALEX, before: { status: "proposed", toStepId: STAFF }, after: { status: "approved", rationale: "<script>x</script> Ready.", effectiveOn: "2026-12-01" } }),
    );
    expect(phrase(decided)).toBe("decided the [promotion case] for [Sam Okafor]: approved");
    expect(lines(decided)).toEqual(["Status: Proposed → Approved", "Effective from: 1 December 2026"]);
    expect(decided.notes).toEqual([{ label: "Rationale", text: "<script>x</script> Ready." }]);
    expect(phrase(said(event({ action: "case.seed", ...onCase, actorId: null, after: { status: "proposed", subject: "sam", to: "staff-engineer" } })))).toBe(
      "added the [promotion case] for [Sam Okafor] (proposed) with the demo organisation",
    );
  });
});

describe("calibration", () => {
  const onSession = { entityType: "calibration_session", entityId: SESSION } as const;

  it("links the session and names its calibrators", () => {
    const created = said(event({ action: "calibration.create", ...onSession, after: { name: "2026 H2 calibration", heldOn: "2026-12-07", reviewCycleId: CYCLE, calibratorIds: [ALEX, PRIYA, MARCUS] } }));
    expect(phrase(created)).toBe("opened the calibration [2026 H2 calibration] for [2026 H2 review]");
    expect(created.phrase[1]).toEqual({ text: "2026 H2 calibration", href: `/calibration/${SESSION}` });
    expect(lines(created)).toEqual(["Held on: 7 December 2026", "Calibrators: Alex Morgan, Priya Raman and Marcus Bell"]);
    expect(phrase(said(event({ action: "calibration.start", ...onSession, before: { status: "preparing" }, after: { status: "in_session" } })))).toBe("started the calibration [2026 H2 calibration]");
    expect(phrase(said(event({ action: "calibration.close", ...onSession, before: { status: "in_session" }, after: { status: "closed" } })))).toBe("closed the calibration [2026 H2 calibration]");
    const published = said(event({ action: "calibration.publish", ...onSession, after: { publishedAt: "2026-12-08T10:00:00.000Z", approved: 2 } }));
    expect(phrase(published)).toBe("published the outcomes of the calibration [2026 H2 calibration]");
    expect(lines(published)).toEqual(["Approved: 2 cases"]);
    expect(phrase(said(event({ action: "calibration.seed", ...onSession, entityId: GONE, actorId: null, after: { status: "closed", published: true } })))).toBe(
      "set up the calibration a calibration (closed) with the demo organisation",
    );
  });
});

describe("an action the catalogue does not know", () => {
  it("is described neutrally, its fields as label: value lines with names, never JSON", () => {
    const d = said(
      event({
        action: "user.merge",
        entityType: "user",
        entityId: SAM,
        subject: sam,
        before: { mergedInto: null, teamId: PLATFORM },
        after: { mergedInto: PRIYA, teamId: PRODUCT, when: "2026-05-25T14:03:00Z", flags: { a: 1 }, tags: ["x", "y"] },
      }),
    );
    expect(phrase(d)).toBe("recorded “user merge” about [Sam Okafor]");
    expect(lines({ ...d, changes: d.details })).toEqual([
      "Merged into: none → Priya Raman",
      "Team: Platform → Product",
      "When: 25 May 2026, 14:03",
      "Flags: a: 1",
      "Tags: x, y",
    ]);
    expect(d.details.flatMap((l) => [l.from, l.to]).join(" ")).not.toMatch(/[{}"]/);
  });

  it("survives values of any shape", () => {
    for (const value of [null, 1, "x", [], [1, [2, [3]]], { a: { b: { c: {} } } }, "x".repeat(10_000)]) {
      const d = said(event({ action: "odd", entityType: "widget", before: value, after: value }));
      expect(phrase(d)).toBe("recorded “odd”");
    }
  });
});

describe("the catalogue", () => {
  it("describes every action Waymark records", () => {
    // Every action string written next to an audit event in the code that writes them.
    const roots = ["lib/data", "db"];
    const files = roots.flatMap((root) => fs.readdirSync(root, { recursive: true, encoding: "utf8" }).map((f) => path.join(root, f)));
    const written = new Set<string>();
    for (const file of files) {
      if (!/\.ts$/.test(file) || /test\.ts$/.test(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      if (!/recordAudit|auditEvents/.test(text)) continue;
      for (const m of text.matchAll(/["'`]((?:user|team|placement|framework|cycle|assessment|evidence|plan|case|calibration)\.[a-z][a-z.-]*)["'`]/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((a) => !isKnownAction(a))).toEqual([]);
  });

  it("offers every action in a group, and reads the ids a page mentions", () => {
    const groups = auditActionGroups();
    expect(groups.map((g) => g.group)).toEqual(["People", "Teams", "Placements", "Frameworks", "Review cycles", "Assessments", "Evidence", "Growth plans", "Promotion cases", "Calibration"]);
    const refs = auditReferences([
      { entityType: "user", entityId: SAM, before: { managerId: PRIYA, teamId: PLATFORM }, after: { managerId: MARCUS } },
      { entityType: "assessment", entityId: ASSESSMENT, before: null, after: { ratings: [{ dimensionId: SCOPE, stepId: STAFF }] } },
      { entityType: "calibration_session", entityId: SESSION, before: null, after: { calibratorIds: Array.from({ length: 50 }, (_, i) => id(1000 + i)), framework: "engineering" } },
      { entityType: "team", entityId: "not-a-uuid", before: "x", after: [1, 2] },
    ]);
    expect([...refs.people]).toEqual([SAM, PRIYA, MARCUS, ...Array.from({ length: 20 }, (_, i) => id(1000 + i))]);
    expect([...refs.teams]).toEqual([PLATFORM]);
    expect([...refs.steps]).toEqual([STAFF]);
    expect([...refs.dimensions]).toEqual([SCOPE]);
    expect([...refs.assessments]).toEqual([ASSESSMENT]);
    expect([...refs.sessions]).toEqual([SESSION]);
    expect([...refs.frameworks]).toEqual(["engineering"]);
  });
});
