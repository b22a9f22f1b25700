"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { CHECK_IN_ANSWER_MAX, CHECK_IN_QUESTIONS, FEELINGS, ratingField } from "@/lib/plan/check-ins";

/** The half-yearly check-in: an answer and a feeling from 1 to 5 for each of the four questions. */
export function CheckInForm({ action: save }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  return (
    <form key={typed ? JSON.stringify(typed) : state.status} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {errors.form && <p className="text-sm text-red-700">{errors.form.join(" ")}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        {CHECK_IN_QUESTIONS.map(({ key, question }) => {
          const rating = ratingField(key);
          const ratingErrors = errors[rating];
          return (
            <fieldset key={key} className="min-w-0 space-y-3 rounded-lg border border-stone-200 p-4">
              <legend className="px-1 text-sm font-semibold text-stone-900">{question}</legend>
              <Field id={`check-in-${key}`} label="Your answer" hint={`A sentence or two, at most ${CHECK_IN_ANSWER_MAX.toLocaleString("en")} characters.`} errors={errors[key]}>
                {(a) => <textarea {...a} name={key} rows={3} maxLength={CHECK_IN_ANSWER_MAX} defaultValue={typed?.[key] ?? ""} className={inputClass} />}
              </Field>
              <fieldset aria-describedby={ratingErrors?.length ? `check-in-${rating}-error` : undefined} aria-invalid={!!ratingErrors?.length}>
                <legend className="text-sm font-medium text-stone-800">How do you feel about it?</legend>
                <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {FEELINGS.map((f) => (
                    <label key={f.value} className="inline-flex items-center gap-1.5 text-sm text-stone-800">
                      <input type="radio" name={rating} value={f.value} defaultChecked={typed?.[rating] === String(f.value)} className="accent-path" />
                      {f.value} · {f.label}
                    </label>
                  ))}
                </div>
                {ratingErrors?.length ? (
                  <p id={`check-in-${rating}-error`} className="mt-1 text-sm text-red-700">
                    {ratingErrors.join(" ")}
                  </p>
                ) : null}
              </fieldset>
            </fieldset>
          );
        })}
      </div>
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save check-in"}</SubmitButton>
    </form>
  );
}
