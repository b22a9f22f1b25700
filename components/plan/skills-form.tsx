"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { byArea, SKILL_LEVELS, SKILL_LIMITS } from "@/lib/plan/skills";

export type SkillRow = { id: string; area: string; name: string; rating: number | null; target: number | null; managerRating: number | null; managerRatedBy: string | null };

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  revision: number;
  skills: SkillRow[];
};

const selectClass = `${inputClass} pr-8`;

/** A level select: blank for "not rated", 1 to 5 with their words. */
function LevelSelect({ props, name, value }: { props: Record<string, unknown>; name: string; value: string }) {
  return (
    <select {...props} name={name} defaultValue={value} className={selectClass}>
      <option value="">—</option>
      {SKILL_LEVELS.map((l) => (
        <option key={l.value} value={l.value}>
          {l.label}
        </option>
      ))}
    </select>
  );
}

/**
 * The engineer's skills inventory, saved in one go: each area's name, and its skills with a rating
 * and a target. Two empty rows under each area add skills, an empty area at the end adds an area;
 * clearing a skill's name removes it.
 */
export function SkillsForm({ action: save, revision, skills }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const value = (name: string, saved: string) => typed?.[name] ?? saved;
  // What has no field of its own: the revision, the list as a whole, a row's hidden id or area (only a forged request gets these wrong).
  const hidden = Object.entries(errors).flatMap(([key, list]) => (/^skills\.\d+\.(id|area|slot)$/.test(key) ? list : []));
  const formErrors = [...(errors.revision ?? []), ...(errors.skills ?? []), ...(errors.areas ?? []), ...(errors.form ?? []), ...new Set(hidden)];

  const areas = byArea(skills);
  const slots: { area: string; rows: (SkillRow | null)[] }[] = [
    ...areas.map((a) => ({ area: a.area, rows: [...a.skills, ...Array<null>(SKILL_LIMITS.newSkillsPerArea).fill(null)] })),
    ...(areas.length < SKILL_LIMITS.areas ? [{ area: "", rows: Array<null>(3).fill(null) }] : []),
  ];
  let j = 0;

  return (
    <form key={typed ? JSON.stringify(typed) : `revision-${revision}`} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="revision" value={typed?.revision ?? revision} />
      <FormMessage state={state} />
      {formErrors.length > 0 && <p className="text-sm text-red-700">{formErrors.join(" ")}</p>}
      <div className="grid max-w-4xl gap-4">
        {slots.map((slot, i) => (
          <fieldset key={i} className="min-w-0 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
            <legend className="float-left w-full text-xs font-semibold uppercase tracking-wide text-path">{slot.area ? `Area ${i + 1}` : "A new area"}</legend>
            <div className="clear-left pt-1">
              <Field id={`area-${i}`} label="Area name" errors={errors[`areas.${i}.name`]}>
                {(a) => <input {...a} name={`areas.${i}.name`} maxLength={SKILL_LIMITS.areaName} defaultValue={value(`areas.${i}.name`, slot.area)} className={inputClass} />}
              </Field>
            </div>
            <ul className="space-y-3">
              {slot.rows.map((row) => {
                const n = j++;
                const f = (part: string) => `skills.${n}.${part}`;
                return (
                  <li key={n} className="grid grid-cols-2 gap-2 border-t border-stone-100 pt-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem]">
                    <input type="hidden" name={f("id")} value={typed?.[f("id")] ?? row?.id ?? ""} />
                    <input type="hidden" name={f("area")} value={i} />
                    <div className="col-span-2 sm:col-span-1">
                      <Field id={`skill-${n}-name`} label={row ? "Skill" : "Add a skill"} errors={errors[f("name")]}>
                        {(a) => <input {...a} name={f("name")} maxLength={SKILL_LIMITS.skillName} defaultValue={value(f("name"), row?.name ?? "")} className={inputClass} />}
                      </Field>
                      {row?.managerRating ? (
                        <p className="mt-1 text-xs text-stone-600">
                          {row.managerRatedBy ?? "Your manager"} rates it {row.managerRating} of 5
                        </p>
                      ) : null}
                    </div>
                    <Field id={`skill-${n}-rating`} label="You now" errors={errors[f("rating")]}>
                      {(a) => <LevelSelect props={a} name={f("rating")} value={value(f("rating"), row?.rating?.toString() ?? "")} />}
                    </Field>
                    <Field id={`skill-${n}-target`} label="Target" errors={errors[f("target")]}>
                      {(a) => <LevelSelect props={a} name={f("target")} value={value(f("target"), row?.target?.toString() ?? "")} />}
                    </Field>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
      <p className="text-sm text-stone-600">
        Clear a skill&apos;s name to remove it. At most {SKILL_LIMITS.skills} skills in {SKILL_LIMITS.areas} areas.
      </p>
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save skills"}</SubmitButton>
    </form>
  );
}
