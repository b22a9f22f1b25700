import type { ArchetypeMix } from "@/db/schema/growth";

/**
 * The four staff archetypes and the rules of a mix of them: whole percent, each mix summing to
 * 100, and the gap between the mix now and the mix wanted in words. Plain values, for the browser too.
 */

export type { ArchetypeMix };

export const ARCHETYPES = [
  { key: "techLead", label: "Tech Lead", about: "guides a team's approach and execution" },
  { key: "architect", label: "Architect", about: "owns the direction and quality of a critical area" },
  { key: "solver", label: "Solver", about: "digs into hard problems, wherever they are" },
  { key: "rightHand", label: "Right Hand", about: "extends a leader's attention and authority" },
] as const satisfies readonly { key: keyof ArchetypeMix; label: string; about: string }[];

export type ArchetypeKey = (typeof ARCHETYPES)[number]["key"];

export const LEANS = [
  { value: "staff", label: "Deeper technical expertise (staff and beyond)" },
  { value: "management", label: "People management" },
  { value: "product", label: "Product" },
  { value: "framework", label: "Another framework of ours" },
  { value: "undecided", label: "Not decided yet" },
] as const;

export type Lean = (typeof LEANS)[number]["value"];

export const leanLabel = (lean: string) => LEANS.find((l) => l.value === lean)?.label ?? lean;

export const DIRECTION_LIMITS = { reason: 1_000 } as const;

/** The sum of a mix's four shares. */
export const mixTotal = (mix: ArchetypeMix) => ARCHETYPES.reduce((sum, a) => sum + mix[a.key], 0);

/** Whether four shares make a mix: whole numbers from 0 to 100 that sum to 100. */
export function isMix(mix: ArchetypeMix): boolean {
  return ARCHETYPES.every((a) => Number.isInteger(mix[a.key]) && mix[a.key] >= 0 && mix[a.key] <= 100) && mixTotal(mix) === 100;
}

/**
 * The gap between the mix now and the mix wanted, in words: "wants 20 points more Architect,
 * 20 fewer Solver". The largest moves come first; archetypes that stay are not named.
 */
export function mixGapWords(current: ArchetypeMix, wanted: ArchetypeMix): string {
  const moves = ARCHETYPES.map((a) => ({ label: a.label, delta: wanted[a.key] - current[a.key] }))
    .filter((m) => m.delta !== 0)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || y.delta - x.delta);
  if (moves.length === 0) return "wants the mix as it is";
  const words = moves.map((m, i) => {
    const n = Math.abs(m.delta);
    return `${i === 0 ? `${n} ${n === 1 ? "point" : "points"}` : n} ${m.delta > 0 ? "more" : "fewer"} ${m.label}`;
  });
  return `wants ${words.join(", ")}`;
}
