"use client";

import { useActionState } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { MILESTONE_ARTIFACTS, MILESTONE_LIMITS, milestoneArtifactLabel } from "@/lib/plan/choices";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** What the milestone forms offer: the plan's lanes, the quarter's weeks and the owner's evidence. */
export type MilestoneChoices = {
  lanes: { position: number; name: string }[];
  weeks: { value: number; label: string }[];
  evidence: { id: string; label: string }[];
};

type Existing = {
  id: string;
  revision: number;
  lane: number | null;
  title: string;
  targetWeek: number;
  artifact: string;
  success: string;
  done: boolean;
  evidence: { id: string; title: string } | null;
};

type Props = {
  action: Action;
  choices: MilestoneChoices;
  /** Ids of the form's fields start with it: a page holds many of these forms. */
  idPrefix: string;
  /** A new milestone goes to this lane; an existing one may move to another. */
  lane: number;
  /** How many milestones the lane has: a new count after an add empties the form for the next. */
  count?: number;
  existing?: Existing;
};

/** Adds a milestone to a lane for this quarter, or edits one: title, week, artifact, how success is measured, evidence. */
export function MilestoneForm({ action: save, choices, idPrefix, lane, count = 0, existing }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const value = (name: string, saved: string) => typed?.[name] ?? saved;
  const id = (name: string) => `${idPrefix}-${name}`;
  // After a save the form starts again from what was saved: empty for a new one.
  const saved = existing ? `revision-${existing.revision}` : `count-${count}`;
  // The item linked already stays a choice, even when it is older than the items offered.
  const linked = existing?.evidence;
  const evidence = linked && !choices.evidence.some((e) => e.id === linked.id) ? [{ id: linked.id, label: linked.title }, ...choices.evidence] : choices.evidence;

  return (
    <form key={typed ? JSON.stringify(typed) : saved} action={action} className="space-y-3" noValidate>
      {existing && (
        <>
          <input type="hidden" name="id" value={existing.id} />
          <input type="hidden" name="revision" value={existing.revision} />
          {existing.done && <input type="hidden" name="done" value="on" />}
        </>
      )}
      <FormMessage state={state} />
      {existing ? (
        <Field id={id("lane")} label="Lane" errors={errors.lane}>
          {(a) => (
            <select {...a} name="lane" defaultValue={value("lane", String(existing.lane ?? ""))} className={inputClass}>
              {existing.lane === null && <option value="">Choose a lane…</option>}
              {choices.lanes.map((l) => (
                <option key={l.position} value={l.position}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <>
          <input type="hidden" name="lane" value={lane} />
          {errors.lane && <p className="text-sm text-red-700">{errors.lane.join(" ")}</p>}
        </>
      )}
      <Field id={id("title")} label="Milestone" errors={errors.title}>
        {(a) => <input {...a} name="title" maxLength={MILESTONE_LIMITS.title} defaultValue={value("title", existing?.title ?? "")} className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <Field id={id("targetWeek")} label="Due in" errors={errors.targetWeek}>
          {(a) => (
            <select {...a} name="targetWeek" defaultValue={value("targetWeek", existing ? String(existing.targetWeek) : "")} className={inputClass}>
              <option value="">Choose a week…</option>
              {choices.weeks.map((w) => (
                <option key={w.value} value={w.value}>
                  {w.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id("artifact")} label="Leaves behind" errors={errors.artifact}>
          {(a) => (
            <select {...a} name="artifact" defaultValue={value("artifact", existing?.artifact ?? "")} className={inputClass}>
              <option value="">Choose…</option>
              {MILESTONE_ARTIFACTS.map((k) => (
                <option key={k} value={k}>
                  {milestoneArtifactLabel[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={id("success")} label="How you will know it worked" errors={errors.success}>
        {(a) => <textarea {...a} name="success" rows={2} maxLength={MILESTONE_LIMITS.success} defaultValue={value("success", existing?.success ?? "")} className={inputClass} />}
      </Field>
      <Field id={id("evidenceId")} label="Evidence that shows it (optional)" errors={errors.evidenceId}>
        {(a) => (
          <select {...a} name="evidenceId" defaultValue={value("evidenceId", linked?.id ?? "")} className={inputClass}>
            <option value="">None yet</option>
            {evidence.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={pending} variant={existing ? "secondary" : "primary"}>
        {pending ? "Saving…" : existing ? "Save milestone" : "Add milestone"}
      </SubmitButton>
    </form>
  );
}
