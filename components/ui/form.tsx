import type { ReactNode } from "react";

/** Form building blocks: a labelled control with its hint and its errors, wired for screen readers. */

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm focus:border-path aria-[invalid=true]:border-red-500";

export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
}) {
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, "aria-invalid": !!errors?.length, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status === "idle" || !state.message) return null;
  const ok = state.status === "ok";
  return (
    <p
      role={ok ? "status" : "alert"}
      data-testid="form-message"
      className={`rounded-md border px-3 py-2 text-sm ${ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  const styles = {
    primary: "bg-path text-white hover:bg-path/90",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50",
    danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`rounded-md px-3 py-2 text-sm font-medium shadow-sm disabled:opacity-60 ${styles}`}>
      {children}
    </button>
  );
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

/** The choices of a list's sort direction, as its `dir` parameter takes them. */
export const SORT_ORDER_OPTIONS: Option[] = [
  { value: "asc", label: "Ascending" },
  { value: "desc", label: "Descending" },
];

/** A labelled select of a list's filter form (a GET form: the view lives in the URL); options may come in groups. */
export function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | null; options: (Option | OptionGroup)[] }) {
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {options.map((o) =>
          "options" in o ? (
            <optgroup key={o.label} label={o.label}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </div>
  );
}
