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

export const demoPeople: DemoPerson[] = [
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
];
