/**
 * The steps a case may go to, as radio buttons: one card per step with the transition's label, so
 * at a fork the branch is picked by name. Used when opening a case and while it is a draft.
 */
export function TargetStepChoices({
  targets,
  checked,
  errors,
  errorId,
}: {
  targets: { id: string; name: string; label: string }[];
  checked: string | undefined;
  errors: string[] | undefined;
  errorId: string;
}) {
  return (
    <>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {targets.map((t) => (
          <label key={t.id} className="flex items-start gap-2 rounded-md border border-stone-300 p-3 text-sm has-[:checked]:border-path has-[:checked]:bg-path-soft">
            <input type="radio" name="toStepId" value={t.id} defaultChecked={t.id === checked} className="mt-1" />
            <span>
              <span className="font-medium">{t.name}</span>
              {t.label && <span className="block text-stone-600">{t.label}</span>}
            </span>
          </label>
        ))}
      </div>
      {errors && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </>
  );
}
