/**
 * A growth plan's limits, its default lanes, the months its horizon may take and the artifacts a
 * milestone leaves behind, as plain values:
 * the plan form in the browser imports these, so that it does not pull zod in with the schemas
 * (./schemas.ts).
 */

export const PLAN_LIMITS = { northStar: 1_000, laneName: 80, outcome: 1_000, metrics: 1_000, lanes: 3 } as const;

/** The three lanes a new plan is offered; each can be renamed or left out. */
export const DEFAULT_LANE_NAMES = ["Technical depth", "Systems thinking and impact", "Leadership and influence"] as const;

/** What a milestone leaves behind, in the order the form offers them. */
export const MILESTONE_ARTIFACTS = ["design-doc", "talk", "postmortem", "reusable-tool", "dashboard", "mentoring-plan", "written-playbook", "other"] as const;
export type MilestoneArtifact = (typeof MILESTONE_ARTIFACTS)[number];

export const milestoneArtifactLabel: Record<MilestoneArtifact, string> = {
  "design-doc": "Design doc",
  talk: "Talk",
  postmortem: "Postmortem",
  "reusable-tool": "Reusable tool",
  dashboard: "Dashboard",
  "mentoring-plan": "Mentoring plan",
  "written-playbook": "Written playbook",
  other: "Other",
};

/** A quarter's milestones are a short list: at most `perLane` in each lane. */
export const MILESTONE_LIMITS = { title: 160, success: 1_000, perLane: 10 } as const;

/** How far ahead a north star may be meant for: ten years. */
export const HORIZON_MONTHS_AHEAD = 120;

/** A month written YYYY-MM, as a month input sends it. */
export type Month = `${number}-${number}`;

const MONTH = /^(\d{4})-(\d{2})$/;

/** Whether a string is a real month written YYYY-MM (so 2028-13 is not). */
export function isMonth(s: string): s is Month {
  const m = MONTH.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The month a moment falls in, in UTC. */
export function monthOf(d: Date): Month {
  return d.toISOString().slice(0, 7) as Month;
}

/** The month n months after another (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, m - 1 + n, 1)));
}

/**
 * The months a horizon may take: from this month to ten years ahead. A day's slack either side
 * lets someone whose month is not yet (or no longer) UTC's pick the month on their own calendar.
 */
export function horizonRange(now = new Date()): { min: Month; max: Month } {
  const day = 24 * 3600_000;
  return { min: monthOf(new Date(now.getTime() - day)), max: addMonths(monthOf(new Date(now.getTime() + day)), HORIZON_MONTHS_AHEAD) };
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** A month as people read it: "June 2028". Anything that is not a month is returned as it is. */
export function monthLabel(month: string): string {
  if (!isMonth(month)) return month;
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

type Lane = { position: number; name: string; outcome: string; metrics: string };

/**
 * What the form shows in each of its three lane cards: a saved plan's lane at that position (or
 * an empty card where it has none), and for a plan never saved the default lanes.
 */
export function laneSlots(plan: { saved: boolean; lanes: readonly Lane[] }): { name: string; outcome: string; metrics: string }[] {
  return Array.from({ length: PLAN_LIMITS.lanes }, (_, i) => {
    if (!plan.saved) return { name: DEFAULT_LANE_NAMES[i] ?? "", outcome: "", metrics: "" };
    const lane = plan.lanes.find((l) => l.position === i + 1);
    return { name: lane?.name ?? "", outcome: lane?.outcome ?? "", metrics: lane?.metrics ?? "" };
  });
}
