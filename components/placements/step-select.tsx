import { inputClass } from "@/components/ui/form";
import type { StepChoiceGroup } from "@/lib/data/placements";

/**
 * A select of the steps someone may be placed on, grouped by framework when there are several.
 * `extra` adds a step that is no longer offered (one of an older version a placement is on), so a
 * correction of its date or note can keep it.
 */
export function StepSelect({
  field,
  name = "stepId",
  groups,
  defaultValue,
  placeholder,
  extra,
}: {
  field: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined };
  name?: string;
  groups: StepChoiceGroup[];
  defaultValue: string;
  placeholder?: string;
  extra?: { id: string; name: string };
}) {
  const offered = groups.some((g) => g.steps.some((s) => s.id === extra?.id));
  const options = (g: StepChoiceGroup) =>
    g.steps.map((s) => (
      <option key={s.id} value={s.id}>
        {s.name}
      </option>
    ));
  return (
    <select {...field} name={name} defaultValue={defaultValue} className={inputClass}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {extra && !offered && <option value={extra.id}>{extra.name} (an earlier version)</option>}
      {groups.length === 1
        ? options(groups[0]!)
        : groups.map((g) => (
            <optgroup key={`${g.frameworkName}-${g.versionNumber}`} label={`${g.frameworkName}, version ${g.versionNumber}`}>
              {options(g)}
            </optgroup>
          ))}
    </select>
  );
}
