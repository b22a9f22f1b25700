import type { AuditEntityType as RecordedEntityType } from "@/db/audit";
import { roleLabel, type Role } from "@/lib/auth/policy";
import { isCalendarDate, longDate, longDateTime } from "@/lib/dates";
import { evidenceKindLabel } from "@/lib/evidence/schemas";
import { placementReasonLabel, type PlacementReason } from "@/lib/placements/schemas";
import { milestoneArtifactLabel, monthLabel, type MilestoneArtifact } from "@/lib/plan/choices";
import { quarterStarting } from "@/lib/plan/quarters";

/**
 * The audit log in words. Each action Waymark records becomes a short phrase that follows the
 * actor's name ("changed Sam Okafor's role"), the fields it changed ("Role: Engineer → Manager"),
 * and what people wrote (notes, rationales) as plain text. The ids an event holds are named
 * through a lookup that the data-access layer reads once for a whole page of events
 * (`auditReferences` says which); this module itself reads nothing.
 */

/** A piece of a phrase: plain text, or the name of something with the page that shows it. */
export type AuditPiece = string | { text: string; href?: string };
export type AuditChange = { field: string; from?: string; to?: string };
export type AuditNote = { label: string; text: string };
export type AuditDescription = {
  phrase: AuditPiece[];
  changes: AuditChange[];
  /** What people wrote: shown as text, never as markup. */
  notes: AuditNote[];
  /** For an action this catalogue does not know: what it recorded, as "label: value" lines. */
  details: AuditChange[];
};

export type AuditFacts = {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  /** The person the event is about, when it is about one. */
  subject: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
};

/** Names of what a page of events mentions; anything missing has been deleted (or is not the viewer's to see). */
export type AuditNames = {
  people: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  steps: ReadonlyMap<string, string>;
  dimensions: ReadonlyMap<string, string>;
  cycles: ReadonlyMap<string, string>;
  sessions: ReadonlyMap<string, string>;
  cases: ReadonlyMap<string, true>;
  evidence: ReadonlyMap<string, { title: string; visible: boolean }>;
  assessments: ReadonlyMap<string, { kind: string; cycleId: string }>;
  /** A framework has one draft at a time: a draft still here is the one its editor opens. */
  versions: ReadonlyMap<string, { key: string; name: string; number: number; status: string }>;
  /** Framework names by key. */
  frameworks: ReadonlyMap<string, string>;
};

export type AuditRefs = { [K in keyof AuditNames]: Set<string> };

export function emptyAuditNames(): AuditNames {
  return { people: new Map(), teams: new Map(), steps: new Map(), dimensions: new Map(), cycles: new Map(), sessions: new Map(), cases: new Map(), evidence: new Map(), assessments: new Map(), versions: new Map(), frameworks: new Map() };
}

// ── what there is to filter by ───────────────────────────────────────────────────────────────

export const AUDIT_ENTITY_TYPES = {
  user: "People",
  team: "Teams",
  placement: "Placements",
  framework_version: "Framework versions",
  review_cycle: "Review cycles",
  assessment: "Assessments",
  evidence: "Evidence",
  growth_plan: "Growth plans",
  growth_milestone: "Growth plan milestones",
  growth_experiment: "Growth experiments",
  growth_check_in: "Growth check-ins",
  skill_inventory: "Skills inventories",
  growth_direction: "Directions past senior",
  promotion_case: "Promotion cases",
  calibration_session: "Calibration sessions",
} as const satisfies Record<RecordedEntityType, string>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

// ── reading an event's values ────────────────────────────────────────────────────────────────

type Rec = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rec = (v: unknown): Rec => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const uuid = (v: unknown): string | null => (typeof v === "string" && UUID.test(v) ? v : null);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && UUID.test(x)) : []);

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quoted = (s: string) => `“${s}”`;

/** A recorded date or moment as people read it; anything else as it was written. */
function when(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  if (isCalendarDate(s)) return longDate(s);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))) return longDateTime(new Date(s));
  return s;
}

function listNames(names: string[], limit = 8): string {
  if (names.length === 0) return "nobody";
  const shown = names.slice(0, limit);
  const rest = names.length - shown.length;
  const words = rest > 0 ? [...shown, `${rest} more`] : shown;
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const role = (v: unknown) => {
  const s = str(v);
  return s && s in roleLabel ? roleLabel[s as Role] : s;
};
const reason = (v: unknown) => {
  const s = str(v);
  return s && s in placementReasonLabel ? placementReasonLabel[s as PlacementReason] : s;
};
const evidenceKind = (v: unknown) => {
  const s = str(v);
  return s && s in evidenceKindLabel ? evidenceKindLabel[s as keyof typeof evidenceKindLabel] : s;
};
const STATUS: Record<string, string> = {
  draft: "Draft",
  proposed: "Proposed",
  withdrawn: "Withdrawn",
  approved: "Approved",
  deferred: "Deferred",
  declined: "Declined",
  preparing: "Preparing",
  in_session: "In session",
  closed: "Closed",
  open: "Open",
  published: "Published",
  retired: "Retired",
};
const status = (v: unknown) => {
  const s = str(v);
  return s ? (STATUS[s] ?? s) : null;
};

// ── naming what an event mentions ────────────────────────────────────────────────────────────

class Namer {
  constructor(
    readonly e: AuditFacts,
    readonly names: AuditNames,
  ) {}

  get before(): Rec {
    return rec(this.e.before);
  }
  get after(): Rec {
    return rec(this.e.after);
  }
  /** A value from after, else before. */
  value(key: string): unknown {
    return this.after[key] ?? this.before[key];
  }
  isSelf(): boolean {
    return !!this.e.subject && this.e.subject.id === this.e.actorId;
  }

  person(id: unknown): AuditPiece {
    const key = uuid(id);
    const name = key ? this.names.people.get(key) : undefined;
    return name ? { text: name, href: `/people/${key}` } : "someone no longer on record";
  }
  personName(id: unknown): string {
    const key = uuid(id);
    return (key && this.names.people.get(key)) ?? "someone no longer on record";
  }
  /** The person the event is about. */
  subject(): AuditPiece {
    const s = this.e.subject;
    if (s) return { text: s.name, href: `/people/${s.id}` };
    const id = this.value("personId") ?? this.value("subjectId");
    return id ? this.person(id) : "someone";
  }
  possessive(piece: AuditPiece): AuditPiece[] {
    return [piece, "’s"];
  }
  /**
   * A team, a cycle, a calibration or an evidence item reads by the name the event recorded (what
   * it was called then), else by its name now; linked while it exists.
   */
  private named(map: ReadonlyMap<string, string>, id: unknown, recorded: unknown, href: (id: string) => string, otherwise: string): AuditPiece {
    const key = uuid(id);
    const now = key ? map.get(key) : undefined;
    const text = str(recorded) ?? now ?? otherwise;
    return key && now !== undefined ? { text, href: href(key) } : text;
  }
  team(id: unknown, recorded?: unknown): AuditPiece {
    return this.named(this.names.teams, id, recorded, () => "/teams", "a team");
  }
  teamName(id: unknown): string {
    const key = uuid(id);
    return key ? (this.names.teams.get(key) ?? "a team") : "no team";
  }
  step(id: unknown): string {
    const key = uuid(id);
    return (key && this.names.steps.get(key)) ?? "a step";
  }
  dimension(id: unknown): string {
    const key = uuid(id);
    return (key && this.names.dimensions.get(key)) ?? "a dimension";
  }
  cycle(id: unknown, recorded?: unknown): AuditPiece {
    return this.named(this.names.cycles, id, recorded, () => "/cycles", "a review cycle");
  }
  session(id: unknown, recorded?: unknown): AuditPiece {
    return this.named(this.names.sessions, id, recorded, (key) => `/calibration/${key}`, "a calibration");
  }
  /** "promotion case", linked while the case is there. */
  promotionCase(id: unknown = this.e.entityId): AuditPiece {
    const key = uuid(id);
    return key && this.names.cases.has(key) ? { text: "promotion case", href: `/cases/${key}` } : "promotion case";
  }
  evidence(id: unknown = this.e.entityId, recorded?: unknown): AuditPiece {
    const key = uuid(id);
    const known = key ? this.names.evidence.get(key) : undefined;
    const text = quoted(str(recorded) ?? known?.title ?? "an evidence item");
    return known?.visible ? { text, href: `/evidence/${key}` } : text;
  }
  /** "growth plan", linked to its read-only page: the audit log is the admins', who read every plan. */
  plan(): AuditPiece {
    const s = this.e.subject;
    return s ? { text: "growth plan", href: `/people/${s.id}/plan` } : "growth plan";
  }
  /** A part of a growth plan on its own page ("skills", "direction"), linked to the read-only page. */
  planPart(text: string, part: "skills" | "direction"): AuditPiece {
    const s = this.e.subject;
    return s ? { text, href: `/people/${s.id}/plan/${part}` } : text;
  }
  /** A framework by its key, or the framework of the version the event is about. */
  framework(key: unknown = this.value("framework")): AuditPiece {
    const version = this.names.versions.get(this.e.entityId);
    const k = str(key) ?? version?.key;
    const name = (k && this.names.frameworks.get(k)) ?? version?.name ?? k ?? "a framework";
    if (!k) return name;
    if (version && this.e.entityType === "framework_version") {
      if (version.status === "draft") return { text: name, href: `/frameworks/${k}/draft` };
      if (version.status !== "draft" && version.number > 1) return { text: name, href: `/frameworks/${k}/diff?to=${version.number}` };
    }
    return { text: name, href: "/frameworks" };
  }
  version(): string {
    const n = num(this.value("number")) ?? this.names.versions.get(this.e.entityId)?.number;
    return n ? `version ${n}` : "a version";
  }
}

// ── the catalogue ────────────────────────────────────────────────────────────────────────────

type Described = { phrase: AuditPiece[]; changes?: AuditChange[]; notes?: AuditNote[] };
type Describer = (n: Namer) => Described;
type ActionEntry = { group: string; label: string; describe: Describer };

const via = (n: Namer): AuditPiece[] => {
  switch (n.value("via")) {
    case "import":
      return [" from a people import"];
    case "cli":
      return [" from the command line"];
    default:
      return [];
  }
};
const demo = " with the demo organisation";
const note = (label: string, v: unknown): AuditNote[] => {
  const s = str(v)?.trim();
  return s ? [{ label, text: s }] : [];
};
const set = (field: string, to: string | null | undefined): AuditChange[] => (to ? [{ field, to }] : []);
/** A field that changed, or nothing when it did not. */
const changed = (field: string, from: string | null | undefined, to: string | null | undefined): AuditChange[] =>
  (from ?? "") === (to ?? "") ? [] : [{ field, from: from ?? "none", to: to ?? "none" }];

const PERSON_FIELDS = ["name", "role", "manager", "team"] as const;
const personFieldLabel: Record<(typeof PERSON_FIELDS)[number], string> = { name: "name", role: "role", manager: "manager", team: "team" };

/** A person's fields, from the app's edit form (ids) or a people import (emails and team names). */
function personChanges(n: Namer): AuditChange[] {
  const b = n.before;
  const a = n.after;
  const value = (r: Rec, field: (typeof PERSON_FIELDS)[number]): string | null | undefined => {
    switch (field) {
      case "name":
        return "name" in r ? (str(r.name) ?? null) : undefined;
      case "role":
        return "role" in r ? (role(r.role) ?? null) : undefined;
      case "manager":
        if ("managerId" in r) return r.managerId ? n.personName(r.managerId) : null;
        return "manager" in r ? (str(r.manager) ?? null) : undefined;
      case "team":
        if ("teamId" in r) return r.teamId ? n.teamName(r.teamId) : null;
        return "team" in r ? (str(r.team) ?? null) : undefined;
    }
  };
  return PERSON_FIELDS.flatMap((field) => {
    const from = value(b, field);
    const to = value(a, field);
    if (from === undefined && to === undefined) return [];
    const none = field === "manager" ? "no manager" : field === "team" ? "no team" : "none";
    return (from ?? null) === (to ?? null) ? [] : [{ field: capital(personFieldLabel[field]), from: from ?? none, to: to ?? none }];
  });
}

function fieldList(fields: string[]): string {
  return fields.length <= 1 ? (fields[0] ?? "") : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function placementChanges(n: Namer): AuditChange[] {
  const b = n.before;
  const a = n.after;
  const stepOf = (r: Rec) => {
    const name = str(r.step) ?? (r.stepId ? n.step(r.stepId) : null);
    const version = num(r.version);
    return name ? `${name}${version ? ` (version ${version})` : ""}` : null;
  };
  // A new placement names its step in the phrase already.
  if (Object.keys(b).length === 0) return [...set("Effective from", when(a.effectiveOn)), ...set("Reason", reason(a.reason))];
  return [...changed("Step", stepOf(b), stepOf(a)), ...changed("Effective from", when(b.effectiveOn), when(a.effectiveOn)), ...changed("Reason", reason(b.reason), reason(a.reason))];
}

function evidenceChanges(n: Namer): AuditChange[] {
  const b = n.before;
  const a = n.after;
  const fields: [string, (r: Rec) => string | null][] = [
    ["Title", (r) => str(r.title)],
    ["Kind", (r) => evidenceKind(r.kind)],
    ["Date", (r) => when(r.occurredOn)],
    ["Link", (r) => str(r.link)],
    ["Text", (r) => (num(r.bodyLength) === null ? null : count(num(r.bodyLength)!, "character"))],
    ["Cells", (r) => (num(r.cells) === null ? null : count(num(r.cells)!, "cell"))],
  ];
  if (Object.keys(b).length === 0 || Object.keys(a).length === 0) {
    const only = Object.keys(a).length ? a : b;
    return fields.filter(([field]) => field !== "Title").flatMap(([field, read]) => set(field, read(only)));
  }
  return fields.flatMap(([field, read]) => changed(field, read(b), read(a)));
}

function ratingChanges(n: Namer): AuditChange[] {
  const ratings = Array.isArray(n.after.ratings) ? n.after.ratings : [];
  return ratings.slice(0, 20).map((r) => ({ field: n.dimension(rec(r).dimensionId), to: n.step(rec(r).stepId) }));
}

const userActions: Record<string, ActionEntry> = {
  "user.create": {
    group: "People",
    label: "Person added",
    describe: (n) => {
      const a = n.after;
      const r = str(role(a.role))?.toLowerCase();
      return {
        phrase: ["added ", n.subject(), ...(r ? [` as ${article(r)}`] : []), ...via(n)],
        changes: [
          ...set("Email", str(a.email)),
          ...set("Manager", "managerId" in a ? (a.managerId ? n.personName(a.managerId) : null) : str(a.manager)),
          ...set("Team", "teamId" in a ? (a.teamId ? n.teamName(a.teamId) : null) : str(a.team)),
          ...set("Password", a.password === "link" ? "a one-time set-password link" : a.password === "password" ? "set by the admin" : null),
        ],
      };
    },
  },
  "user.create-first-admin": {
    group: "People",
    label: "First admin created",
    describe: (n) => ({ phrase: ["made ", n.subject(), " the first admin"], changes: set("Email", str(n.after.email)) }),
  },
  "user.update": {
    group: "People",
    label: "Person changed",
    describe: (n) => {
      const changes = personChanges(n);
      if (changes.length === 0) return { phrase: ["saved ", ...n.possessive(n.subject()), " details without changing them", ...via(n)] };
      return { phrase: ["changed ", ...n.possessive(n.subject()), ` ${fieldList(changes.map((c) => c.field.toLowerCase()))}`, ...via(n)], changes };
    },
  },
  "user.deactivate": { group: "People", label: "Person deactivated", describe: (n) => ({ phrase: ["deactivated ", n.subject()] }) },
  "user.reactivate": { group: "People", label: "Person reactivated", describe: (n) => ({ phrase: ["reactivated ", n.subject()] }) },
  "user.password-link": {
    group: "People",
    label: "Set-password link made",
    describe: (n) => ({ phrase: ["made a one-time set-password link for ", n.subject()] }),
  },
  "user.set-password": {
    group: "People",
    label: "Password set with a link",
    describe: (n) => (n.isSelf() ? { phrase: ["set their password with a one-time link"] } : { phrase: ["set ", ...n.possessive(n.subject()), " password with a one-time link"] }),
  },
  "user.change-password": {
    group: "People",
    label: "Password changed",
    describe: (n) => (n.isSelf() ? { phrase: ["changed their password"] } : { phrase: ["changed ", ...n.possessive(n.subject()), " password"] }),
  },
  "user.seed": {
    group: "People",
    label: "Demo person added",
    describe: (n) => ({
      phrase: ["added ", n.subject(), demo],
      changes: [...set("Email", str(n.after.email)), ...set("Role", role(n.after.role)), ...set("Team", str(n.after.team))],
    }),
  },
};

const teamActions: Record<string, ActionEntry> = {
  "team.create": { group: "Teams", label: "Team created", describe: (n) => ({ phrase: ["created the team ", n.team(n.e.entityId, n.after.name), ...via(n)] }) },
  "team.rename": {
    group: "Teams",
    label: "Team renamed",
    describe: (n) => ({ phrase: ["renamed the team ", n.team(n.e.entityId, n.after.name)], changes: changed("Name", str(n.before.name), str(n.after.name)) }),
  },
  "team.lead": {
    group: "Teams",
    label: "Team lead changed",
    describe: (n) => {
      // The lead by their name now, else by the name the event recorded.
      const named = (side: Rec) => {
        const id = uuid(side.leadId);
        return id ? (n.names.people.get(id) ?? str(side.leadName) ?? "someone no longer on record") : null;
      };
      const team = n.team(n.e.entityId, n.after.name);
      const to = uuid(n.after.leadId);
      const lead: AuditPiece | null = to && n.names.people.has(to) ? n.person(to) : named(n.after);
      return {
        phrase: lead ? ["made ", lead, " the lead of ", team] : ["left ", team, " without a lead"],
        changes: changed("Lead", named(n.before) ?? "no lead", named(n.after) ?? "no lead"),
      };
    },
  },
  "team.seed": { group: "Teams", label: "Demo team created", describe: (n) => ({ phrase: ["created the team ", n.team(n.e.entityId, n.after.name), demo] }) },
};

const placementActions: Record<string, ActionEntry> = {
  "placement.create": {
    group: "Placements",
    label: "Person placed on a step",
    describe: (n) => {
      const a = n.after;
      const step = str(a.step) ?? n.step(a.stepId);
      const version = num(a.version);
      if (a.reason === "migration") {
        return {
          phrase: ["moved ", n.subject(), ` to ${step}${version ? ` on version ${version}` : ""}`],
          changes: placementChanges(n),
          notes: note("Note", a.note),
        };
      }
      return { phrase: ["placed ", n.subject(), ` on ${step}`, ...via(n)], changes: placementChanges(n), notes: note("Note", a.note) };
    },
  },
  "placement.correct": {
    group: "Placements",
    label: "Placement corrected",
    describe: (n) => ({ phrase: ["corrected ", ...n.possessive(n.subject()), " placement"], changes: placementChanges(n), notes: note("Note", n.after.note) }),
  },
  "placement.promote": {
    group: "Placements",
    label: "Promotion placed",
    describe: (n) => ({
      phrase: ["placed ", n.subject(), ` on ${n.step(n.after.stepId)} after an approved `, n.promotionCase(n.after.caseId)],
      changes: set("Effective from", when(n.after.effectiveOn)),
    }),
  },
};

const frameworkActions: Record<string, ActionEntry> = {
  "framework.import": {
    group: "Frameworks",
    label: "Framework imported",
    describe: (n) => {
      const a = n.after;
      const file = a.kind === "csv" ? "a spreadsheet" : a.kind === "json" ? "a JSON file" : "a file";
      return {
        phrase: [a.newFramework === true ? "imported the new framework " : "imported ", n.framework(), ` from ${file} as a draft of ${n.version()}`, ...via(n)],
        changes: [...set("Steps", num(a.steps)?.toString()), ...set("Dimensions", num(a.dimensions)?.toString())],
      };
    },
  },
  "framework.publish": {
    group: "Frameworks",
    label: "Framework version published",
    describe: (n) => ({ phrase: [`published ${n.version()} of `, n.framework(), ...via(n)], notes: note("Change note", n.after.notes) }),
  },
  "framework.draft.open": {
    group: "Frameworks",
    label: "Framework draft started",
    describe: (n) => {
      const from = num(n.after.copiedFrom);
      return { phrase: [`started a draft of ${n.version()} of `, n.framework(), from ? `, copied from version ${from}` : ""] };
    },
  },
  "framework.draft.save": {
    group: "Frameworks",
    label: "Framework draft saved",
    describe: (n) => {
      const a = n.after;
      const sizes = [num(a.steps) !== null && count(num(a.steps)!, "step"), num(a.dimensions) !== null && count(num(a.dimensions)!, "dimension")].filter(Boolean);
      return {
        phrase: [`saved the draft of ${n.version()} of `, n.framework(), sizes.length ? ` (${sizes.join(", ")})` : ""],
        changes: [...set("Transitions", num(a.transitions)?.toString()), ...set("Cells", num(a.cells)?.toString())],
      };
    },
  },
  "framework.draft.discard": {
    group: "Frameworks",
    label: "Framework draft discarded",
    describe: (n) => ({ phrase: [`discarded the draft of ${n.version()} of `, n.framework()] }),
  },
  "framework.migrate": {
    group: "Frameworks",
    label: "People moved to a new version",
    describe: (n) => {
      const a = n.after;
      const moved = num(a.moved) ?? 0;
      const mapping = Object.entries(rec(a.mapping)).slice(0, 20);
      return {
        phrase: [`moved ${count(moved, "person", "people")} from version ${str(a.from) ?? "?"} to version ${str(a.to) ?? "?"} of `, n.framework()],
        changes: [
          ...set("Time at step kept", num(a.keptTimeAtStep) === null ? null : count(num(a.keptTimeAtStep)!, "person", "people")),
          ...set("Evidence links carried over", num(a.evidenceLinks)?.toLocaleString("en-GB")),
          ...mapping.map(([from, to]) => ({ field: "Step", from, to: str(to) ?? "?" })),
        ],
        notes: note("Note", a.note),
      };
    },
  },
  "framework.seed": {
    group: "Frameworks",
    label: "Default framework loaded",
    describe: (n) => ({ phrase: [`loaded ${n.version()} of `, n.framework()] }),
  },
};

const cycleActions: Record<string, ActionEntry> = {
  "cycle.create": {
    group: "Review cycles",
    label: "Review cycle created",
    describe: (n) => ({
      phrase: ["created the review cycle ", n.cycle(n.e.entityId, n.after.name)],
      changes: set("Dates", n.after.startsOn && n.after.endsOn ? `${when(n.after.startsOn)} – ${when(n.after.endsOn)}` : null),
    }),
  },
  "cycle.open": { group: "Review cycles", label: "Review cycle opened", describe: (n) => ({ phrase: ["opened the review cycle ", n.cycle(n.e.entityId)] }) },
  "cycle.close": { group: "Review cycles", label: "Review cycle closed", describe: (n) => ({ phrase: ["closed the review cycle ", n.cycle(n.e.entityId)] }) },
  "cycle.seed": {
    group: "Review cycles",
    label: "Demo review cycle created",
    describe: (n) => ({ phrase: ["created the review cycle ", n.cycle(n.e.entityId, n.after.name), demo] }),
  },
};

const kindOf = (n: Namer) => str(n.after.kind) ?? n.names.assessments.get(n.e.entityId)?.kind ?? null;
const assessmentName = (n: Namer): AuditPiece[] => {
  const kind = kindOf(n);
  if (kind === "self") return n.isSelf() ? ["their self-assessment"] : [...n.possessive(n.subject()), " self-assessment"];
  return ["the manager assessment of ", n.subject()];
};
const assessmentCycle = (n: Namer): AuditPiece[] => {
  const id = n.after.cycleId ?? n.names.assessments.get(n.e.entityId)?.cycleId;
  return id ? [" for ", n.cycle(id)] : [];
};

const assessmentActions: Record<string, ActionEntry> = {
  "assessment.start": { group: "Assessments", label: "Assessment started", describe: (n) => ({ phrase: ["started ", ...assessmentName(n), ...assessmentCycle(n)] }) },
  "assessment.hand-over": {
    group: "Assessments",
    label: "Manager assessment taken over",
    describe: (n) => ({ phrase: ["took over the manager assessment of ", n.subject(), " from ", n.person(n.before.authorId)] }),
  },
  "assessment.submit": {
    group: "Assessments",
    label: "Assessment submitted",
    describe: (n) => ({ phrase: ["submitted ", ...assessmentName(n), ...assessmentCycle(n)], changes: ratingChanges(n) }),
  },
  "assessment.seed": {
    group: "Assessments",
    label: "Demo assessment added",
    describe: (n) => ({
      phrase: ["added ", ...n.possessive(n.subject()), kindOf(n) === "self" ? " self-assessment" : " manager assessment", n.after.submitted === false ? " (draft)" : " (submitted)", demo],
    }),
  },
};

const evidenceOf = (n: Namer): AuditPiece[] => (n.isSelf() || !n.e.subject ? [] : [" for ", n.subject()]);

const evidenceActions: Record<string, ActionEntry> = {
  "evidence.create": {
    group: "Evidence",
    label: "Evidence added",
    describe: (n) => ({ phrase: ["added the evidence ", n.evidence(undefined, n.after.title), ...evidenceOf(n)], changes: evidenceChanges(n) }),
  },
  "evidence.update": {
    group: "Evidence",
    label: "Evidence edited",
    describe: (n) => ({ phrase: ["edited the evidence ", n.evidence(undefined, n.after.title), ...evidenceOf(n)], changes: evidenceChanges(n) }),
  },
  "evidence.delete": {
    group: "Evidence",
    label: "Evidence deleted",
    describe: (n) => ({ phrase: ["deleted the evidence ", n.evidence(undefined, n.before.title), ...evidenceOf(n)], changes: evidenceChanges(n) }),
  },
  "evidence.seed": {
    group: "Evidence",
    label: "Demo evidence added",
    describe: (n) => ({ phrase: ["added ", ...n.possessive(n.subject()), " evidence ", n.evidence(undefined, n.after.title), demo] }),
  },
};

type PlanLane = { position: number; name: string; outcome: string; metrics: string };

/** A plan's lanes as an event recorded them, by position; anything malformed is left out. */
function planLanes(side: Rec): Map<number, PlanLane> {
  const lanes = Array.isArray(side.lanes) ? side.lanes.slice(0, 10) : [];
  const byPosition = new Map<number, PlanLane>();
  for (const raw of lanes) {
    const lane = rec(raw);
    const position = num(lane.position);
    if (position !== null) byPosition.set(position, { position, name: str(lane.name) ?? "", outcome: str(lane.outcome) ?? "", metrics: str(lane.metrics) ?? "" });
  }
  return byPosition;
}

/** What became of a text people write at length: written, rewritten or cleared, with its length. */
function textChange(field: string, from: string, to: string): AuditChange[] {
  if (from === to) return [];
  if (!to) return [{ field, to: "cleared" }];
  return [{ field, to: `${from ? "rewritten" : "written"}, ${count(to.length, "character")}` }];
}

function planChanges(n: Namer): AuditChange[] {
  const b = n.before;
  const a = n.after;
  const horizon = (r: Rec) => (str(r.horizon) ? monthLabel(str(r.horizon)!) : null);
  const [lanesBefore, lanesAfter] = [planLanes(b), planLanes(a)];
  if (Object.keys(b).length === 0) {
    const names = [...lanesAfter.values()].map((l) => quoted(l.name));
    return [...set("Horizon", horizon(a)), ...set("Lanes", names.length ? listNames(names) : "none")];
  }
  const laneChanges = [...new Set([...lanesBefore.keys(), ...lanesAfter.keys()])]
    .sort((x, y) => x - y)
    .flatMap((position): AuditChange[] => {
      const was = lanesBefore.get(position);
      const is = lanesAfter.get(position);
      const field = `Lane ${position}`;
      if (!was) return [{ field, to: `added ${quoted(is!.name)}` }];
      if (!is) return [{ field, to: `removed ${quoted(was.name)}` }];
      return [...changed(`${field} name`, was.name, is.name), ...textChange(`${field} outcome`, was.outcome, is.outcome), ...textChange(`${field} metrics`, was.metrics, is.metrics)];
    });
  return [...changed("Horizon", horizon(b), horizon(a)), ...textChange("North star", str(b.northStar) ?? "", str(a.northStar) ?? ""), ...laneChanges];
}

/** "their " for the owner's own change (the only kind there is), else the owner's name. */
const whose = (n: Namer): AuditPiece[] => (n.isSelf() || !n.e.subject ? ["their "] : [...n.possessive(n.subject()), " "]);

const milestoneTitle = (n: Namer) => quoted(str(n.value("title")) ?? "a milestone");

function milestoneChanges(n: Namer): AuditChange[] {
  const b = n.before;
  const a = n.after;
  const due = (r: Rec) => {
    const quarter = quarterStarting(str(r.quarter) ?? "");
    const week = num(r.targetWeek);
    return week === null ? null : `week ${week}${quarter ? ` of ${quarter.label}` : ""}`;
  };
  const artifact = (r: Rec) => {
    const s = str(r.artifact);
    return s && s in milestoneArtifactLabel ? milestoneArtifactLabel[s as MilestoneArtifact] : s;
  };
  const lane = (r: Rec) => str(r.laneName) ?? (num(r.lane) ? `lane ${num(r.lane)}` : null);
  const linked = (r: Rec) => {
    const key = uuid(r.evidenceId);
    return key ? quoted(n.names.evidence.get(key)?.title ?? "an evidence item since deleted") : null;
  };
  const done = (r: Rec) => (typeof r.done === "boolean" ? (r.done ? "yes" : "no") : null);
  if (Object.keys(b).length === 0) {
    return [
      ...set("Lane", lane(a)),
      ...set("Due", capital(due(a) ?? "")),
      ...set("Artifact", artifact(a)),
      ...textChange("Success measure", "", str(a.success) ?? ""),
      ...set("Evidence", linked(a)),
    ];
  }
  return [
    ...changed("Title", str(b.title), str(a.title)),
    ...changed("Lane", lane(b), lane(a)),
    ...changed("Due", due(b) && capital(due(b)!), due(a) && capital(due(a)!)),
    ...changed("Artifact", artifact(b), artifact(a)),
    ...textChange("Success measure", str(b.success) ?? "", str(a.success) ?? ""),
    ...changed("Evidence", linked(b), linked(a)),
    ...changed("Done", done(b), done(a)),
  ];
}

const planActions: Record<string, ActionEntry> = {
  "plan.update": {
    group: "Growth plans",
    label: "Growth plan saved",
    describe: (n) => {
      const first = Object.keys(n.before).length === 0;
      const changes = planChanges(n);
      const northStar = str(n.after.northStar);
      // The north star is the plan's headline: the log shows it as written whenever it changes.
      const notes = northStar && (first || northStar !== str(n.before.northStar)) ? note("North star", northStar) : [];
      if (first) return { phrase: ["wrote ", ...whose(n), n.plan()], changes, notes };
      if (changes.length === 0) return { phrase: ["saved ", ...whose(n), n.plan(), " without changing it"] };
      return { phrase: ["changed ", ...whose(n), n.plan()], changes, notes };
    },
  },
  "plan.milestone.create": {
    group: "Growth plans",
    label: "Milestone added",
    describe: (n) => ({ phrase: [`added the milestone ${milestoneTitle(n)} to `, ...whose(n), n.plan()], changes: milestoneChanges(n) }),
  },
  "plan.milestone.update": {
    group: "Growth plans",
    label: "Milestone changed",
    describe: (n) => {
      const changes = milestoneChanges(n);
      if (changes.length === 1 && changes[0]!.field === "Done") {
        return { phrase: [`marked the milestone ${milestoneTitle(n)} ${n.after.done === true ? "done" : "not done"} on `, ...whose(n), n.plan()] };
      }
      return { phrase: [`changed the milestone ${milestoneTitle(n)} of `, ...whose(n), n.plan()], changes };
    },
  },
  "plan.milestone.delete": {
    group: "Growth plans",
    label: "Milestone deleted",
    describe: (n) => ({ phrase: [`deleted the milestone ${milestoneTitle(n)} from `, ...whose(n), n.plan()] }),
  },
};

/** "the experiment “…”" by its hypothesis as recorded, cut short: the log names it, the plan shows it whole. */
function experimentName(n: Namer): string {
  const h = (str(n.after.hypothesis) ?? str(n.before.hypothesis) ?? "").replace(/\s+/g, " ").trim();
  return h ? `the experiment ${quoted(h.length > 80 ? `${h.slice(0, 79)}…` : h)}` : "an experiment";
}

function experimentChanges(n: Namer): AuditChange[] {
  const [b, a] = [n.before, n.after];
  const day = (v: unknown) => when(v);
  const texts: [string, string][] = [
    ["hypothesis", "Hypothesis"],
    ["actions", "Actions"],
    ["metrics", "Success metrics"],
    ["rollback", "Rollback criteria"],
  ];
  return [
    ...changed("Starts", day(b.startsOn), day(a.startsOn)),
    ...changed("Ends", day(b.endsOn), day(a.endsOn)),
    ...texts.flatMap(([key, field]) => textChange(field, str(b[key]) ?? "", str(a[key]) ?? "")),
  ];
}

const experimentActions: Record<string, ActionEntry> = {
  "plan.experiment.create": {
    group: "Growth plans",
    label: "Experiment logged",
    describe: (n) => ({
      phrase: ["logged an experiment on ", ...whose(n), n.plan()],
      changes: [...set("Runs", when(n.after.startsOn) && when(n.after.endsOn) ? `${when(n.after.startsOn)} to ${when(n.after.endsOn)}` : null)],
      notes: note("Hypothesis", n.after.hypothesis),
    }),
  },
  "plan.experiment.update": {
    group: "Growth plans",
    label: "Experiment changed",
    describe: (n) => {
      const changes = experimentChanges(n);
      if (changes.length === 0) return { phrase: ["saved ", experimentName(n), " on ", ...whose(n), n.plan(), " without changing it"] };
      return { phrase: ["changed ", experimentName(n), " on ", ...whose(n), n.plan()], changes };
    },
  },
  "plan.experiment.close": {
    group: "Growth plans",
    label: "Experiment closed",
    describe: (n) => ({
      phrase: ["closed ", experimentName(n), " on ", ...whose(n), n.plan()],
      notes: [...note("Outcome", n.after.outcome), ...note("Next step", n.after.nextStep)],
    }),
  },
  "plan.check-in.create": {
    group: "Growth plans",
    label: "Check-in answered",
    describe: (n) => {
      const feelings: [string, string][] = [
        ["learningRating", "Learning"],
        ["lookingForwardRating", "Looking forward to work"],
        ["connectedRating", "Feeling connected"],
        ["impactRating", "Making an impact"],
      ];
      return {
        phrase: ["answered the half-yearly check-in on ", ...whose(n), n.plan()],
        changes: feelings.flatMap(([key, field]) => {
          const v = num(n.after[key]);
          return v !== null && v >= 1 && v <= 5 ? [{ field, to: `${v} of 5` }] : [];
        }),
      };
    },
  },
};

type RecordedSkill = { id: string; area: string; name: string; rating: number | null; target: number | null };

/** An inventory's skills as an event recorded them, by id; at most the inventory's limit, anything malformed left out. */
function recordedSkills(side: Rec): Map<string, RecordedSkill> {
  const list = Array.isArray(side.skills) ? side.skills.slice(0, 100) : [];
  const byId = new Map<string, RecordedSkill>();
  for (const raw of list) {
    const r = rec(raw);
    const id = str(r.id);
    if (id) byId.set(id, { id, area: str(r.area) ?? "", name: str(r.name) ?? "", rating: num(r.rating), target: num(r.target) });
  }
  return byId;
}

const MAX_SKILL_CHANGES = 20;

function skillChanges(n: Namer): AuditChange[] {
  const [was, is] = [recordedSkills(n.before), recordedSkills(n.after)];
  const level = (v: number | null) => (v === null ? "not rated" : String(v));
  const changes: AuditChange[] = [];
  for (const [id, s] of is) {
    const old = was.get(id);
    if (!old) {
      const parts = [`added in ${s.area}`, ...(s.rating !== null ? [`rated ${s.rating}`] : []), ...(s.target !== null ? [`target ${s.target}`] : [])];
      changes.push({ field: s.name, to: parts.join(", ") });
      continue;
    }
    if (old.name !== s.name) changes.push({ field: old.name, to: `renamed ${quoted(s.name)}` });
    if (old.area !== s.area) changes.push({ field: s.name, to: `moved to ${s.area}` });
    if (old.rating !== s.rating) changes.push({ field: `${s.name} rating`, from: level(old.rating), to: level(s.rating) });
    if (old.target !== s.target) changes.push({ field: `${s.name} target`, from: level(old.target), to: level(s.target) });
  }
  // Removals after the rest, in the order the skills stood.
  for (const [id, s] of was) if (!is.has(id)) changes.push({ field: s.name, to: "removed" });
  if (changes.length <= MAX_SKILL_CHANGES) return changes;
  return [...changes.slice(0, MAX_SKILL_CHANGES), { field: "And", to: count(changes.length - MAX_SKILL_CHANGES, "more change") }];
}

const ARCHETYPE_LABELS: [string, string][] = [
  ["techLead", "Tech Lead"],
  ["architect", "Architect"],
  ["solver", "Solver"],
  ["rightHand", "Right Hand"],
];
const LEAN_LABELS: Record<string, string> = { staff: "deeper technical (staff)", management: "people management", product: "product", framework: "another framework", undecided: "not decided" };

/** A recorded mix as "Tech Lead 40%, Architect 30%, …", or null for none. */
function mixWords(v: unknown): string | null {
  const m = rec(v);
  if (Object.keys(m).length === 0) return null;
  return ARCHETYPE_LABELS.map(([key, label]) => `${label} ${num(m[key]) ?? 0}%`).join(", ");
}

function directionChanges(n: Namer): AuditChange[] {
  const [b, a] = [n.before, n.after];
  const lean = (r: Rec) => {
    const l = str(r.lean);
    if (!l) return null;
    return l === "framework" && str(r.frameworkKey) ? `the ${str(r.frameworkKey)} framework` : (LEAN_LABELS[l] ?? l);
  };
  if (Object.keys(b).length === 0) return [...set("Leans towards", lean(a)), ...textChange("Why", "", str(a.reason) ?? ""), ...set("Mix now", mixWords(a.currentMix)), ...set("Mix wanted", mixWords(a.wantedMix))];
  return [
    ...changed("Leans towards", lean(b), lean(a)),
    ...textChange("Why", str(b.reason) ?? "", str(a.reason) ?? ""),
    ...changed("Mix now", mixWords(b.currentMix), mixWords(a.currentMix)),
    ...changed("Mix wanted", mixWords(b.wantedMix), mixWords(a.wantedMix)),
  ];
}

const planPartActions: Record<string, ActionEntry> = {
  "plan.skills.update": {
    group: "Growth plans",
    label: "Skills inventory saved",
    describe: (n) => {
      const inventory = n.planPart("skills inventory", "skills");
      if (Object.keys(n.before).length === 0) {
        const skills = [...recordedSkills(n.after).values()];
        const areas = new Set(skills.map((s) => s.area)).size;
        return { phrase: ["wrote ", ...whose(n), inventory], changes: [{ field: "Skills", to: `${count(skills.length, "skill")} in ${count(areas, "area")}` }] };
      }
      const changes = skillChanges(n);
      if (changes.length === 0) return { phrase: ["saved ", ...whose(n), inventory, " without changing it"] };
      return { phrase: ["changed ", ...whose(n), inventory], changes };
    },
  },
  "plan.skills.actions": {
    group: "Growth plans",
    label: "Actions for skill gaps saved",
    describe: (n) => {
      const [was, is] = [Array.isArray(n.before.actions) ? n.before.actions.slice(0, 10) : [], Array.isArray(n.after.actions) ? n.after.actions.slice(0, 10) : []];
      const changes = is.flatMap((raw, i) => {
        const after = rec(raw);
        const before = rec(was[i]);
        const name = str(after.name) ?? "a skill";
        return (["read", "practise", "show"] as const).flatMap((kind) => textChange(`${name}: ${kind}`, str(before[kind]) ?? "", str(after[kind]) ?? ""));
      });
      const gaps = n.planPart("skill gaps", "skills");
      if (changes.length === 0) return { phrase: ["saved the actions for ", ...whose(n), gaps, " without changing them"] };
      return { phrase: ["changed the actions for ", ...whose(n), gaps], changes };
    },
  },
  "plan.skills.rate": {
    group: "Growth plans",
    label: "Skills rated by a manager",
    describe: (n) => {
      const [was, is] = [Array.isArray(n.before.ratings) ? n.before.ratings.slice(0, 100) : [], Array.isArray(n.after.ratings) ? n.after.ratings.slice(0, 100) : []];
      const level = (v: unknown) => (num(v) === null ? "not rated" : String(num(v)));
      const changes = is.map((raw, i): AuditChange => ({ field: str(rec(raw).name) ?? "a skill", from: level(rec(was[i]).rating), to: num(rec(raw).rating) === null ? "cleared" : level(rec(raw).rating) }));
      const phrase: AuditPiece[] = ["rated ", ...n.possessive(n.subject()), " ", n.planPart("skills", "skills")];
      return changes.length ? { phrase, changes } : { phrase: [...phrase, " without changing a rating"] };
    },
  },
  "plan.direction.update": {
    group: "Growth plans",
    label: "Direction saved",
    describe: (n) => {
      const direction = n.planPart("direction", "direction");
      const first = Object.keys(n.before).length === 0;
      const changes = directionChanges(n);
      const reason = str(n.after.reason);
      const notes = reason && (first || reason !== str(n.before.reason)) ? note("Why", reason) : [];
      if (first) return { phrase: ["wrote ", ...whose(n), direction], changes, notes };
      if (changes.length === 0) return { phrase: ["saved ", ...whose(n), direction, " without changing it"] };
      return { phrase: ["changed ", ...whose(n), direction], changes, notes };
    },
  },
};

const theCase = (n: Namer): AuditPiece[] => [n.promotionCase(), " for ", n.subject()];

const caseActions: Record<string, ActionEntry> = {
  "case.create": {
    group: "Promotion cases",
    label: "Promotion case opened",
    describe: (n) => ({ phrase: ["opened a ", ...theCase(n)], changes: str(n.after.to) ? [{ field: "Step", from: str(n.after.from) ?? "?", to: str(n.after.to)! }] : [] }),
  },
  "case.update": {
    group: "Promotion cases",
    label: "Promotion case edited",
    describe: (n) => {
      const b = n.before;
      const a = n.after;
      const chars = (v: unknown) => (num(v) === null ? null : count(num(v)!, "character"));
      const items = (v: unknown) => (Array.isArray(v) ? count(v.length, "item") : null);
      return {
        phrase: ["edited the ", ...theCase(n)],
        changes: [
          ...changed("Target step", b.toStepId ? n.step(b.toStepId) : null, a.toStepId ? n.step(a.toStepId) : null),
          ...changed("Narrative", chars(b.narrativeLength), chars(a.narrativeLength)),
          ...changed("Evidence", items(b.evidenceIds), items(a.evidenceIds)),
        ],
      };
    },
  },
  "case.propose": { group: "Promotion cases", label: "Promotion case proposed", describe: (n) => ({ phrase: ["proposed the ", ...theCase(n)] }) },
  "case.withdraw": { group: "Promotion cases", label: "Promotion case withdrawn", describe: (n) => ({ phrase: ["withdrew the ", ...theCase(n)] }) },
  "case.discard": { group: "Promotion cases", label: "Draft promotion case discarded", describe: (n) => ({ phrase: ["discarded the draft ", ...theCase(n)] }) },
  // What a pre-vote says stays private until the session starts: the log says only that there was one.
  "case.vote": {
    group: "Promotion cases",
    label: "Pre-vote cast",
    describe: (n) => ({ phrase: ["pre-voted on the ", ...theCase(n), ...(n.after.sessionId ? [" in ", n.session(n.after.sessionId)] : [])] }),
  },
  "case.vote.change": {
    group: "Promotion cases",
    label: "Pre-vote changed",
    describe: (n) => ({ phrase: ["changed their pre-vote on the ", ...theCase(n), ...(n.after.sessionId ? [" in ", n.session(n.after.sessionId)] : [])] }),
  },
  "case.decide": {
    group: "Promotion cases",
    label: "Promotion case decided",
    describe: (n) => ({
      phrase: ["decided the ", ...theCase(n), `: ${(status(n.after.status) ?? "decided").toLowerCase()}`],
      changes: [...changed("Status", status(n.before.status), status(n.after.status)), ...set("Effective from", when(n.after.effectiveOn))],
      notes: note("Rationale", n.after.rationale),
    }),
  },
  "case.seed": {
    group: "Promotion cases",
    label: "Demo promotion case added",
    describe: (n) => ({ phrase: ["added the ", ...theCase(n), ` (${(status(n.after.status) ?? "proposed").toLowerCase()})`, demo] }),
  },
};

const sessionOf = (n: Namer) => n.session(n.e.entityId, n.after.name);

const calibrationActions: Record<string, ActionEntry> = {
  "calibration.create": {
    group: "Calibration",
    label: "Calibration opened",
    describe: (n) => ({
      phrase: ["opened the calibration ", sessionOf(n), ...(n.after.reviewCycleId ? [" for ", n.cycle(n.after.reviewCycleId)] : [])],
      changes: [...set("Held on", when(n.after.heldOn)), ...set("Calibrators", Array.isArray(n.after.calibratorIds) ? listNames(ids(n.after.calibratorIds).map((id) => n.personName(id))) : null)],
    }),
  },
  "calibration.start": { group: "Calibration", label: "Calibration started", describe: (n) => ({ phrase: ["started the calibration ", sessionOf(n)] }) },
  "calibration.close": { group: "Calibration", label: "Calibration closed", describe: (n) => ({ phrase: ["closed the calibration ", sessionOf(n)] }) },
  "calibration.publish": {
    group: "Calibration",
    label: "Calibration outcomes published",
    describe: (n) => ({
      phrase: ["published the outcomes of the calibration ", sessionOf(n)],
      changes: set("Approved", num(n.after.approved) === null ? null : count(num(n.after.approved)!, "case")),
    }),
  },
  "calibration.seed": {
    group: "Calibration",
    label: "Demo calibration added",
    describe: (n) => ({ phrase: ["set up the calibration ", sessionOf(n), ` (${(status(n.after.status) ?? "preparing").toLowerCase()})`, demo] }),
  },
};

const CATALOGUE: Record<string, ActionEntry> = {
  ...userActions,
  ...teamActions,
  ...placementActions,
  ...frameworkActions,
  ...cycleActions,
  ...assessmentActions,
  ...evidenceActions,
  ...planActions,
  ...experimentActions,
  ...planPartActions,
  ...caseActions,
  ...calibrationActions,
};

export function isKnownAction(action: string): boolean {
  return Object.hasOwn(CATALOGUE, action);
}

/** The actions to filter by, grouped as the select shows them. */
export function auditActionGroups(): { group: string; actions: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const [value, entry] of Object.entries(CATALOGUE)) {
    const list = groups.get(entry.group) ?? [];
    list.push({ value, label: entry.label });
    groups.set(entry.group, list);
  }
  return [...groups].map(([group, actions]) => ({ group, actions }));
}

export function auditActionLabel(action: string): string {
  return CATALOGUE[action]?.label ?? humanize(action);
}

// ── an action nobody described ───────────────────────────────────────────────────────────────

function humanize(key: string): string {
  const words = key
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? capital(words) : "Something";
}

/** Any value as a short line of text: names for ids the lookup knows, never JSON. */
function plain(n: Namer, v: unknown, depth = 0): string {
  if (v === null || v === undefined) return "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v.toLocaleString("en-GB");
  if (typeof v === "string") {
    if (UUID.test(v)) return n.names.people.get(v) ?? n.names.teams.get(v) ?? n.names.steps.get(v) ?? n.names.cycles.get(v) ?? n.names.sessions.get(v) ?? "a record no longer here";
    return when(v) ?? v;
  }
  if (Array.isArray(v)) {
    if (depth > 0 || v.length > 10) return count(v.length, "item");
    return v.length ? v.map((x) => plain(n, x, depth + 1)).join(", ") : "none";
  }
  if (depth > 0) return count(Object.keys(v).length, "field");
  return Object.entries(v as Rec)
    .slice(0, 10)
    .map(([k, x]) => `${humanize(k).toLowerCase()}: ${plain(n, x, depth + 1)}`)
    .join("; ");
}

function fallback(n: Namer): Described & { details: AuditChange[] } {
  const keys = [...new Set([...Object.keys(n.before), ...Object.keys(n.after)])].slice(0, 30);
  const details = keys.map((k) => {
    const inBefore = k in n.before;
    const inAfter = k in n.after;
    return {
      field: humanize(k),
      ...(inBefore ? { from: plain(n, n.before[k]) } : {}),
      ...(inAfter ? { to: plain(n, n.after[k]) } : {}),
    };
  });
  const type = AUDIT_ENTITY_TYPES[n.e.entityType as AuditEntityType];
  const about: AuditPiece[] = n.e.subject ? [" about ", n.subject()] : type ? [` (${type.toLowerCase()})`] : [];
  return { phrase: ["recorded ", quoted(humanize(n.e.action).toLowerCase()), ...about], details };
}

/** One event in words. */
export function describeAuditEvent(e: AuditFacts, names: AuditNames): AuditDescription {
  const n = new Namer(e, names);
  const entry = CATALOGUE[e.action];
  if (!entry) {
    const { phrase, details } = fallback(n);
    return { phrase, changes: [], notes: [], details };
  }
  const d = entry.describe(n);
  return { phrase: d.phrase.filter((p) => p !== ""), changes: d.changes ?? [], notes: d.notes ?? [], details: [] };
}

// ── what a page of events mentions ───────────────────────────────────────────────────────────

const KEY_KINDS: Record<string, keyof AuditNames> = {
  managerId: "people",
  authorId: "people",
  subjectId: "people",
  personId: "people",
  calibratorIds: "people",
  teamId: "teams",
  leadId: "people",
  stepId: "steps",
  toStepId: "steps",
  dimensionId: "dimensions",
  cycleId: "cycles",
  reviewCycleId: "cycles",
  sessionId: "sessions",
  caseId: "cases",
  evidenceIds: "evidence",
  evidenceId: "evidence",
};

const ENTITY_KINDS: Partial<Record<string, keyof AuditNames>> = {
  user: "people",
  team: "teams",
  review_cycle: "cycles",
  calibration_session: "sessions",
  promotion_case: "cases",
  evidence: "evidence",
  assessment: "assessments",
  framework_version: "versions",
};

/** At most this many ids from one list in one event (a calibration's calibrators, a case's evidence). */
const IDS_PER_LIST = 20;

/** The ids (and framework keys) a page of events mentions, by what they are: bounded by the page's size. */
export function auditReferences(events: readonly Pick<AuditFacts, "entityType" | "entityId" | "before" | "after">[]): AuditRefs {
  const refs = Object.fromEntries(Object.keys(emptyAuditNames()).map((k) => [k, new Set<string>()])) as AuditRefs;
  const walk = (value: unknown, depth: number) => {
    if (depth > 2) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, IDS_PER_LIST)) walk(item, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(rec(value))) {
      const kind = KEY_KINDS[key];
      if (kind) for (const id of typeof v === "string" ? [v] : ids(v).slice(0, IDS_PER_LIST)) if (UUID.test(id)) refs[kind].add(id);
      if (key === "framework" && typeof v === "string" && v.length <= 100) refs.frameworks.add(v);
      if (v !== null && typeof v === "object") walk(v, depth + 1);
    }
  };
  for (const e of events) {
    const kind = ENTITY_KINDS[e.entityType];
    if (kind && UUID.test(e.entityId)) refs[kind].add(e.entityId);
    walk(e.before, 0);
    walk(e.after, 0);
  }
  return refs;
}
