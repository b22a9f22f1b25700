import { inputClass } from "@/components/ui/form";

/** The "From" and "To" date fields of a filter form (`from` and `to` in the URL). */
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      {[
        { name: "from", label: "From", value: from },
        { name: "to", label: "To", value: to },
      ].map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={f.name} className="block text-sm font-medium">
            {f.label}
          </label>
          <input id={f.name} name={f.name} type="date" defaultValue={f.value ?? ""} className={inputClass} />
        </div>
      ))}
    </>
  );
}
