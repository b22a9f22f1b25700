/**
 * The demo organisation loaded with the default framework on a fresh embedded database, so a
 * first visit shows Waymark in use. Emails use the reserved example.com domain. Every demo person
 * signs in with the password `<first name in lower case>-waymark` (see demoPassword).
 */

export const demoPassword = (person: Pick<DemoPerson, "key">) => `${person.key}-waymark`;

export type DemoPerson = {
  key: string;
  name: string;
  email: string;
  role: "engineer" | "manager" | "admin";
  team: string | null;
  manager: string | null;
  /** Current step (by key) and how many months ago the person reached it; engineers only. */
  placement?: { step: string; monthsAgo: number };
};

export const demoTeams = ["Platform", "Product"] as const;

const roster = [
  { key: "alex", name: "Alex Morgan", email: "alex.morgan@example.com", role: "admin", team: null, manager: null },
  { key: "priya", name: "Priya Raman", email: "priya.raman@example.com", role: "manager", team: "Platform", manager: "alex" },
  { key: "marcus", name: "Marcus Bell", email: "marcus.bell@example.com", role: "manager", team: "Product", manager: "alex" },
  {
    key: "diego",
    name: "Diego Alvarez",
    email: "diego.alvarez@example.com",
    role: "engineer",
    team: "Platform",
    manager: "priya",
    placement: { step: "staff-engineer", monthsAgo: 20 },
  },
  {
    key: "sam",
    name: "Sam Okafor",
    email: "sam.okafor@example.com",
    role: "engineer",
    team: "Platform",
    manager: "priya",
    placement: { step: "senior-engineer", monthsAgo: 30 },
  },
  {
    key: "lena",
    name: "Lena Fischer",
    email: "lena.fischer@example.com",
    role: "engineer",
    team: "Platform",
    manager: "priya",
    placement: { step: "software-engineer-2", monthsAgo: 8 },
  },
  {
    // Past the expected 6-12 months at the first step.
    key: "mei",
    name: "Mei Chen",
    email: "mei.chen@example.com",
    role: "engineer",
    team: "Platform",
    manager: "priya",
    placement: { step: "software-engineer", monthsAgo: 15 },
  },
  {
    key: "aisha",
    name: "Aisha Khan",
    email: "aisha.khan@example.com",
    role: "engineer",
    team: "Product",
    manager: "marcus",
    placement: { step: "senior-engineer-2", monthsAgo: 26 },
  },
  {
    key: "ines",
    name: "Ines Duarte",
    email: "ines.duarte@example.com",
    role: "engineer",
    team: "Product",
    manager: "marcus",
    placement: { step: "senior-engineer", monthsAgo: 10 },
  },
  {
    key: "noah",
    name: "Noah Williams",
    email: "noah.williams@example.com",
    role: "engineer",
    team: "Product",
    manager: "marcus",
    placement: { step: "software-engineer-3", monthsAgo: 18 },
  },
  {
    key: "tom",
    name: "Tom Becker",
    email: "tom.becker@example.com",
    role: "engineer",
    team: "Product",
    manager: "marcus",
    placement: { step: "software-engineer-2", monthsAgo: 3 },
  },
  // A second level of management, so a promotion case has a manager above the proposer.
  { key: "jonas", name: "Jonas Berg", email: "jonas.berg@example.com", role: "manager", team: "Product", manager: "marcus" },
  {
    key: "ravi",
    name: "Ravi Patel",
    email: "ravi.patel@example.com",
    role: "engineer",
    team: "Product",
    manager: "jonas",
    placement: { step: "senior-engineer", monthsAgo: 28 },
  },
] as const satisfies readonly DemoPerson[];

export const demoPeople: readonly DemoPerson[] = roster;
/** The demo people's keys, for tests that act as one of them. */
export type DemoKey = (typeof roster)[number]["key"];

/** Evidence the demo engineers have already collected, by person key, linked to cells by step and dimension key. */
export const demoEvidence: {
  owner: string;
  title: string;
  kind: "design-doc" | "incident-review" | "talk" | "mentoring" | "shipped-feature" | "other";
  monthsAgo: number;
  link: string | null;
  body: string;
  cells: [step: string, dimension: string][];
}[] = [
  {
    owner: "sam",
    title: "Payments retry redesign",
    kind: "design-doc",
    monthsAgo: 5,
    link: "https://docs.example.com/payments/retries",
    body: "Wrote the design for idempotent retries across the payments service and ran the review with both Platform and Product.\n\n- cut duplicate charges to zero in the first month\n- became the team's reference for retry design",
    cells: [
      ["senior-engineer", "scope-of-influence"],
      ["senior-engineer", "how-work-is-conducted"],
    ],
  },
  {
    owner: "sam",
    title: "Checkout outage review",
    kind: "incident-review",
    monthsAgo: 3,
    link: null,
    body: "Led the blameless review of the 40-minute checkout outage and owned the three follow-ups to completion.",
    cells: [["senior-engineer", "ownership"]],
  },
  {
    owner: "sam",
    title: "Mentored Lena through her first on-call rotation",
    kind: "mentoring",
    monthsAgo: 2,
    link: null,
    body: "Weekly pairing on alerts and runbooks; Lena now leads the rota's handover.",
    cells: [["senior-engineer", "ownership"]],
  },
  {
    owner: "aisha",
    title: "Search relevance roadmap",
    kind: "design-doc",
    monthsAgo: 4,
    link: "https://docs.example.com/search/roadmap",
    body: "Set the two-year direction for search relevance; adopted by the Product and Data teams.",
    cells: [["senior-engineer-2", "scope-of-influence"]],
  },
  {
    owner: "aisha",
    title: "Talk: ranking without regressions",
    kind: "talk",
    monthsAgo: 1,
    link: "https://talks.example.com/ranking",
    body: "Internal engineering talk on offline evaluation for ranking changes.",
    cells: [["senior-engineer-2", "how-work-is-conducted"]],
  },
  {
    owner: "mei",
    title: "Shipped the CSV export",
    kind: "shipped-feature",
    monthsAgo: 2,
    link: null,
    body: "Built and released the account CSV export end to end, including tests and the help article.",
    cells: [
      ["software-engineer-2", "scope-of-influence"],
      ["software-engineer", "how-work-is-conducted"],
    ],
  },
  {
    owner: "noah",
    title: "Notification preferences rebuild",
    kind: "shipped-feature",
    monthsAgo: 6,
    link: null,
    body: "Owned the rebuild of notification preferences from design to release; wrote the rollback plan.",
    cells: [
      ["software-engineer-3", "scope-of-influence"],
      ["software-engineer-3", "ownership"],
    ],
  },
];

/** Self-assessments in the seeded cycle: each dimension's pick (step key) and reason. */
export const demoSelfAssessments: { owner: string; submitted: boolean; ratings: Record<string, [step: string, rationale: string]> }[] = [
  {
    owner: "sam",
    submitted: true,
    ratings: {
      "scope-of-influence": ["senior-engineer", "The retry design is now what Platform and Product both build on."],
      "how-work-is-conducted": ["staff-engineer", "I write the designs other teams pick up, not only code for my own."],
      ownership: ["senior-engineer", "I owned the checkout outage follow-ups to the end and mentor Lena on call."],
    },
  },
  {
    owner: "aisha",
    submitted: false,
    ratings: {
      "scope-of-influence": ["senior-engineer-2", "Search relevance is my domain; the roadmap is mine."],
    },
  },
];

/** Manager assessments in the open cycle: Priya has assessed Sam, and differs on one dimension. */
export const demoManagerAssessments: { author: string; subject: string; submitted: boolean; ratings: Record<string, [step: string, rationale: string]> }[] = [
  {
    author: "priya",
    subject: "sam",
    submitted: true,
    ratings: {
      "scope-of-influence": ["senior-engineer", "Platform and Product both build on the retry design; agreed."],
      "how-work-is-conducted": [
        "senior-engineer",
        "The designs are strong, but other teams still come to Sam for the details rather than running with them. Staff is the next step, not where Sam is now.",
      ],
      ownership: ["senior-engineer", "Saw the checkout follow-ups through to the end, and Lena's on-call confidence shows the mentoring."],
    },
  },
];
