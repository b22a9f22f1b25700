"use client";

import { useActionState } from "react";
import { PersonFields, type Choice } from "@/components/people/person-fields";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import { createPasswordLinkAction, setPersonActiveAction, updatePersonAction } from "../actions";

type Person = { id: string; revision: number; name: string; role: string; managerId: string | null; teamId: string | null; active: boolean };

export function EditPersonForm({ person, managers, teams }: { person: Person; managers: Choice[]; teams: Choice[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePersonAction, { status: "idle" });
  const values =
    state.status === "error"
      ? state.values
      : { name: person.name, role: person.role, managerId: person.managerId ?? "", teamId: person.teamId ?? "" };
  return (
    // Keyed by revision: after a save the page brings the new revision and the form starts afresh from it.
    <form key={`${person.revision}:${state.status === "error" ? JSON.stringify(state.values) : ""}`} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="revision" value={person.revision} />
      <FormMessage state={state} />
      <PersonFields values={values} errors={state.status === "error" ? state.fieldErrors : {}} managers={managers.filter((m) => m.id !== person.id)} teams={teams} />
      <SubmitButton pending={pending}>{pending ? "Saving…" : "Save changes"}</SubmitButton>
    </form>
  );
}

export function ActiveForm({ person }: { person: Person }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setPersonActiveAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="revision" value={person.revision} />
      <input type="hidden" name="active" value={person.active ? "false" : "true"} />
      <FormMessage state={state} />
      <p className="text-sm text-stone-600">
        {person.active
          ? "A deactivated person is signed out at once and cannot sign in. Their records stay."
          : "This person is deactivated and cannot sign in."}
      </p>
      <SubmitButton pending={pending} variant={person.active ? "danger" : "secondary"}>
        {person.active ? "Deactivate" : "Reactivate"}
      </SubmitButton>
    </form>
  );
}

/**
 * A one-time link for a person who has no password yet or forgot theirs. Waymark sends no email
 * itself: the admin passes the link on, from their own mail program or another channel.
 */
export function PasswordLinkForm({ person }: { person: { id: string; name: string; email: string } }) {
  const [state, action, pending] = useActionState<ActionState<{ path: string }>, FormData>(createPasswordLinkAction, { status: "idle" });
  const link = state.status === "ok" && state.data ? new URL(state.data.path, window.location.origin).toString() : null;
  const mail = link
    ? `mailto:${person.email}?subject=${encodeURIComponent("Set your Waymark password")}&body=${encodeURIComponent(
        `Hello ${person.name},\n\nchoose your Waymark password with this link. It works once, within 7 days:\n\n${link}\n`,
      )}`
    : null;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={person.id} />
      <FormMessage state={state} />
      {link && mail && (
        <>
          <p data-testid="set-password-link" className="break-all rounded-md border border-stone-300 bg-stone-50 p-2 font-mono text-xs">
            {link}
          </p>
          <a href={mail} className="inline-block text-sm font-medium text-path hover:underline">
            Email the link to {person.name}
          </a>
        </>
      )}
      <SubmitButton pending={pending} variant="secondary">
        Create a set-password link
      </SubmitButton>
    </form>
  );
}
