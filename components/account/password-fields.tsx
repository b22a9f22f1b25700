import { Field, inputClass } from "@/components/ui/form";

/** A new password, typed twice. */
export function PasswordFields({ errors }: { errors: Record<string, string[]> }) {
  return (
    <>
      <Field id="password" label="New password" hint="At least 10 characters." errors={errors.password}>
        {(a) => <input {...a} name="password" type="password" required minLength={10} maxLength={200} autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="confirm" label="The same password again" errors={errors.confirm}>
        {(a) => <input {...a} name="confirm" type="password" required maxLength={200} autoComplete="new-password" className={inputClass} />}
      </Field>
    </>
  );
}
