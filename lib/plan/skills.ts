/**
 * A skills inventory's rules as plain values and functions: the starter list, the limits, the
 * rating scale and the top gaps. The inventory form in the browser imports these, so it does not
 * pull zod in with the schemas (./skills-schemas.ts).
 */

export const SKILL_LIMITS = { skills: 60, areas: 10, skillName: 80, areaName: 60, action: 500, gaps: 3, newAreas: 1, newSkillsPerArea: 2 } as const;

/** The rating scale, 1 to 5, in words. */
export const SKILL_LEVELS = [
  { value: 1, label: "1 · aware" },
  { value: 2, label: "2 · learning" },
  { value: 3, label: "3 · working" },
  { value: 4, label: "4 · fluent" },
  { value: 5, label: "5 · teaches it" },
] as const;

export const isSkillLevel = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;

/** The inventory a person starts from, before their first save: five areas, three skills each. */
export const STARTER_SKILLS: readonly { area: string; skills: readonly string[] }[] = [
  { area: "Core coding and design", skills: ["Readable, tested code", "Data modelling", "Debugging"] },
  { area: "Platform and tooling", skills: ["CI and delivery", "Observability", "Cloud infrastructure"] },
  { area: "Architecture", skills: ["System design", "Distributed systems", "Security"] },
  { area: "Collaboration", skills: ["Code review", "Writing for others", "Mentoring"] },
  { area: "Domain", skills: ["Product sense", "Our business domain", "Customer empathy"] },
];

export type SkillRatings = { id: string; area: string; name: string; rating: number | null; target: number | null };

export type SkillGap<S extends SkillRatings = SkillRatings> = S & { gap: number };

/**
 * The largest gaps between target and self rating, largest first: only skills with both, and a
 * target above the rating. Ties keep the inventory's order, so the list does not jump between saves.
 */
export function topGaps<S extends SkillRatings>(skills: readonly S[], n: number = SKILL_LIMITS.gaps): SkillGap<S>[] {
  return skills
    .map((s, i) => ({ s, i, gap: s.rating !== null && s.target !== null ? s.target - s.rating : 0 }))
    .filter((x) => x.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .slice(0, n)
    .map(({ s, gap }) => ({ ...s, gap }));
}

/** Skills grouped by area, areas in the order they first appear. */
export function byArea<S extends { area: string }>(skills: readonly S[]): { area: string; skills: S[] }[] {
  const groups = new Map<string, S[]>();
  for (const s of skills) {
    const list = groups.get(s.area);
    if (list) list.push(s);
    else groups.set(s.area, [s]);
  }
  return [...groups].map(([area, list]) => ({ area, skills: list }));
}

/** "2 points" / "1 point". */
export const points = (n: number) => `${n} ${Math.abs(n) === 1 ? "point" : "points"}`;
