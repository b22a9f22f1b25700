import { Field, inputClass } from "@/components/ui/form";

export type Choice = { id: string; name: string };

/** The fields a person shares between the create and the edit form. */
export function PersonFields({
  values,
  errors,
  managers,
  teams,
}: {
  values: { name?: string; role?: string; managerId?: string; teamId?: string };
  errors: Record<string, string[]>;
  managers: Choice[];
  teams: Choice[];
}) {
  return (
    <>
      <Field id="name" label="Name" errors={errors.name}>
        {(a) => <input {...a} name="name" required maxLength={120} defaultValue={values.name} autoComplete="off" className={inputClass} />}
      </Field>
      <Field id="role" label="Role" errors={errors.role} hint="Managers see everyone below them; admins see and change everything.">
        {(a) => (
          <select {...a} name="role" defaultValue={values.role ?? "engineer"} className={inputClass}>
            <option value="engineer">Engineer</option>
            <option value="manager">Manager</option>
            <option value="admin">Admin</option>
          </select>
        )}
      </Field>
      <Field id="managerId" label="Manager" errors={errors.managerId}>
        {(a) => (
          <select {...a} name="managerId" defaultValue={values.managerId ?? ""} className={inputClass}>
            <option value="">No manager</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="teamId" label="Team" errors={errors.teamId}>
        {(a) => (
          <select {...a} name="teamId" defaultValue={values.teamId ?? ""} className={inputClass}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
