"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { ARCHETYPES, DIRECTION_LIMITS, LEANS, type ArchetypeMix } from "@/lib/plan/archetypes";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  direction: { revision: number; lean: string; frameworkKey: string | null; reason: string; currentMix: ArchetypeMix | null; wantedMix: ArchetypeMix | null };
  frameworks: { key: string; name: string; own: boolean }[];
};

const MIXES = [
  { side: "current", legend: "Your mix now", hint: "How your work splits today." },
  { side: "wanted", legend: "The mix you want", hint: "How you want it to split at the next step." },
] as const;

/** Where the engineer leans past senior and why, and for the staff path their archetype mix now and wanted. */
export function DirectionForm({ action: save, direction, frameworks }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const value = (name: string, saved: string) => typed?.[name] ?? saved;
  const lean = value("lean", direction.lean);
  const formErrors = [...(errors.revision ?? []), ...(errors.form ?? [])];
  const others = frameworks.filter((f) => !f.own);

  return (
    <form key={typed ? JSON.stringify(typed) : `revision-${direction.revision}`} action={action} className="space-y-6" noValidate>
      <input type="hidden" name="revision" value={typed?.revision ?? direction.revision} />
      <FormMessage state={state} />
      {formErrors.length > 0 && <p className="text-sm text-red-700">{formErrors.join(" ")}</p>}
      <div className="grid gap-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm lg:grid-cols-2">
        <fieldset className="min-w-0 space-y-2" aria-describedby={errors.lean ? "lean-error" : undefined}>
          <legend className="text-sm font-medium text-stone-800">Where you lean</legend>
          {LEANS.filter((l) => l.value !== "framework" || others.length > 0).map((l) => (
            <label key={l.value} className="flex items-start gap-2 text-sm text-stone-800">
              <input type="radio" name="lean" value={l.value} defaultChecked={lean === l.value} className="mt-1" />
              <span>{l.label}</span>
            </label>
          ))}
          {errors.lean && (
            <p id="lean-error" className="text-sm text-red-700">
              {errors.lean.join(" ")}
            </p>
          )}
          {others.length > 0 && (
            <Field id="frameworkKey" label="Which framework" hint="When you lean towards another framework of ours." errors={errors.frameworkKey}>
              {(a) => (
                <select {...a} name="frameworkKey" defaultValue={value("frameworkKey", direction.frameworkKey ?? "")} className={inputClass}>
                  <option value="">—</option>
                  {others.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </fieldset>
        <Field id="reason" label="Why" hint={`What draws you there. At most ${DIRECTION_LIMITS.reason.toLocaleString("en")} characters.`} errors={errors.reason}>
          {(a) => <textarea {...a} name="reason" rows={6} maxLength={DIRECTION_LIMITS.reason} defaultValue={value("reason", direction.reason)} className={inputClass} />}
        </Field>
      </div>

      <section aria-labelledby="mix-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="mix-heading" className="text-lg font-semibold text-stone-900">
            Staff archetypes
          </h2>
          <p className="max-w-3xl text-sm text-stone-600">
            If you are heading for staff: how your work splits between the four archetypes, in whole percent, each mix adding up to 100. Leave a mix empty if it does not apply.
          </p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          {MIXES.map(({ side, legend, hint }) => (
            <fieldset key={side} className="min-w-0 space-y-2" aria-describedby={`${side}-hint${errors[side] ? ` ${side}-error` : ""}`} aria-invalid={!!errors[side]}>
              <legend className="text-sm font-semibold text-stone-900">{legend}</legend>
              <p id={`${side}-hint`} className="text-xs text-stone-600">
                {hint}
              </p>
              {errors[side] && (
                <p id={`${side}-error`} className="text-sm text-red-700">
                  {errors[side].join(" ")}
                </p>
              )}
              <div className="grid grid-cols-2 gap-3">
                {ARCHETYPES.map((a) => {
                  const name = `${side}.${a.key}`;
                  const mix = side === "current" ? direction.currentMix : direction.wantedMix;
                  return (
                    <Field key={a.key} id={`${side}-${a.key}`} label={`${a.label} %`} errors={errors[name]}>
                      {(p) => <input {...p} name={name} type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={value(name, mix ? String(mix[a.key]) : "")} className={inputClass} />}
                    </Field>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </section>
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save direction"}</SubmitButton>
    </form>
  );
}
