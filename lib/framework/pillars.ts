/**
 * Pillars: the groups that a framework's dimensions may be nested in ("People", "Delivery", …).
 * Pure functions for the matrix's header of pillars and for focusing on one pillar.
 */

type Grouped = { group: string | null };

export type Pillar = {
  /** Stable within one version, for a URL: made from the name, or numbered when the name has no Latin letters. */
  key: string;
  /** The group's name; null for dimensions without one, in a version where others have one. */
  name: string | null;
  /** How many dimensions the pillar holds. */
  size: number;
};

/** Dimensions left without a group, where others have one, are shown as this pillar. */
export const UNGROUPED_PILLAR = { key: "other", label: "Other" } as const;

export const pillarLabel = (pillar: Pick<Pillar, "name">) => pillar.name ?? UNGROUPED_PILLAR.label;

/** Whether the dimensions are grouped at all: a matrix without groups shows no pillars. */
export function hasPillars(dimensions: readonly Grouped[]): boolean {
  return dimensions.some((d) => d.group !== null && d.group.trim() !== "");
}

const groupOf = (d: Grouped) => (d.group !== null && d.group.trim() !== "" ? d.group.trim() : null);

/** A URL-safe key for a pillar's name: Latin letters and digits, accents dropped, else null. */
function slug(name: string): string | null {
  const s = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return s === "" ? null : s;
}

/** The pillars in the order their first dimension appears, each with a distinct key. */
export function pillarsOf(dimensions: readonly Grouped[]): Pillar[] {
  if (!hasPillars(dimensions)) return [];
  const byName = new Map<string | null, Pillar>();
  const keys = new Set<string>();
  for (const d of dimensions) {
    const name = groupOf(d);
    const known = byName.get(name);
    if (known) {
      known.size++;
      continue;
    }
    const base = name === null ? UNGROUPED_PILLAR.key : (slug(name) ?? `pillar-${byName.size + 1}`);
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    keys.add(key);
    byName.set(name, { key, name, size: 1 });
  }
  return [...byName.values()];
}

/**
 * Runs of neighbouring dimensions in the same pillar, as the header row above the dimensions
 * spans them. A pillar whose dimensions are not next to each other gets one run per stretch.
 */
export function pillarRuns<D extends Grouped>(dimensions: readonly D[]): { pillar: Pillar; dimensions: D[] }[] {
  const pillars = new Map(pillarsOf(dimensions).map((p) => [p.name, p]));
  if (pillars.size === 0) return [];
  const runs: { pillar: Pillar; dimensions: D[] }[] = [];
  for (const d of dimensions) {
    const pillar = pillars.get(groupOf(d))!;
    const last = runs.at(-1);
    if (last && last.pillar === pillar) last.dimensions.push(d);
    else runs.push({ pillar, dimensions: [d] });
  }
  return runs;
}

export type PillarFocus<D> = {
  pillars: Pillar[];
  /** The pillar focused on, or null for all of them. */
  focused: Pillar | null;
  /** The dimensions to show: the focused pillar's, or all. */
  dimensions: D[];
  /** The key asked for names no pillar: every dimension is shown. */
  unknown: boolean;
};

/** The dimensions to show for a pillar key from the URL; no key, or a matrix without pillars, shows all. */
export function focusPillar<D extends Grouped>(dimensions: readonly D[], key: string | undefined): PillarFocus<D> {
  const pillars = pillarsOf(dimensions);
  if (key === undefined || key === "") return { pillars, focused: null, dimensions: [...dimensions], unknown: false };
  const focused = pillars.find((p) => p.key === key);
  if (!focused) return { pillars, focused: null, dimensions: [...dimensions], unknown: true };
  return { pillars, focused, dimensions: dimensions.filter((d) => groupOf(d) === focused.name), unknown: false };
}
