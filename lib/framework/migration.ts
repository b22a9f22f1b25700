/**
 * Moving people from one framework version to a newer one: which new step each old step suggests,
 * which version to move from by default, and what is wrong with a mapping. Pure functions; the
 * data-access layer (lib/data/framework-migration.ts) loads the versions and applies the move.
 */

export type MigrationStep = { key: string; name: string };

/** Why a new step is suggested for an old one: the same stable key, or (failing that) the same name. */
export type SuggestionBasis = "key" | "name";
export type Suggestion = { key: string; by: SuggestionBasis };

const sameName = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/**
 * The new step suggested for each old step, by old step key: the step with the same key when the new
 * version has one (keys survive renames), otherwise the first step with the same name ignoring case
 * and spacing, otherwise none — the admin chooses.
 */
export function suggestTargets(oldSteps: readonly MigrationStep[], newSteps: readonly MigrationStep[]): Map<string, Suggestion | null> {
  const byKey = new Set(newSteps.map((s) => s.key));
  const byName = new Map<string, string>();
  for (const s of newSteps) if (!byName.has(sameName(s.name))) byName.set(sameName(s.name), s.key);
  return new Map(
    oldSteps.map((s): [string, Suggestion | null] => {
      if (byKey.has(s.key)) return [s.key, { key: s.key, by: "key" }];
      const named = byName.get(sameName(s.name));
      return [s.key, named ? { key: named, by: "name" } : null];
    }),
  );
}

/**
 * The version people move from when none is chosen: of the versions older than the target, the one
 * most people are on (the newest of equals, as it is the closest to the target); none when nobody is
 * on an older version.
 */
export function defaultFromVersion(versions: readonly { number: number; people: number }[], toNumber: number): number | null {
  let best: { number: number; people: number } | null = null;
  for (const v of versions) {
    if (v.number >= toNumber || v.people === 0) continue;
    if (!best || v.people > best.people || (v.people === best.people && v.number > best.number)) best = v;
  }
  return best?.number ?? null;
}

/** Whether time at step carries over: only when a step moves to the step with its own key. */
export const keepsTimeAtStep = (oldKey: string, newKey: string) => oldKey === newKey;

/**
 * What is wrong with a mapping, as field errors keyed `mapping.<old step key>`: every old step that
 * has people must go to a step of the new version, and a step may only go to a step that exists
 * there. Old steps nobody is on may stay unmapped. Keys that are not old steps are reported under
 * `mapping`.
 */
export function mappingProblems(
  oldSteps: readonly (MigrationStep & { people: number })[],
  newSteps: readonly MigrationStep[],
  mapping: Readonly<Record<string, string>>,
  toNumber: number,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const newKeys = new Set(newSteps.map((s) => s.key));
  const oldKeys = new Set(oldSteps.map((s) => s.key));
  for (const step of oldSteps) {
    // Own keys only: a step may well be called "constructor".
    const target = Object.hasOwn(mapping, step.key) ? mapping[step.key] : undefined;
    if (!target) {
      if (step.people > 0) {
        problems[`mapping.${step.key}`] = [`Choose a step of version ${toNumber} for the ${step.people === 1 ? "person" : `${step.people} people`} on ${step.name}.`];
      }
    } else if (!newKeys.has(target)) {
      problems[`mapping.${step.key}`] = [`Version ${toNumber} has no step with the key "${target}": choose one of its steps.`];
    }
  }
  const unknown = Object.keys(mapping).filter((k) => !oldKeys.has(k));
  if (unknown.length > 0) problems.mapping = [`The old version has no step with the key ${unknown.map((k) => `"${k}"`).join(", ")}.`];
  return problems;
}
