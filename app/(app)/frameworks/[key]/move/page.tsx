import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { inputClass } from "@/components/ui/form";
import { canManageFrameworks } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getMigrationPlan } from "@/lib/data/framework-migration";
import { longDate } from "@/lib/dates";
import { orNotFound } from "@/lib/pages";
import { MovePeople } from "./move-people-form";

export const metadata: Metadata = { title: "Move people to a new version" };

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Admins move everyone on an older version of a framework to its latest published version. */
export default async function MovePeoplePage({ params, searchParams }: Props) {
  await connection();
  const viewer = await requireViewer();
  if (!canManageFrameworks(viewer)) notFound();
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const asked = typeof query.from === "string" ? Number(query.from) : undefined;
  const plan = await orNotFound(getMigrationPlan(viewer, key, { from: asked }));

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/frameworks" className="font-medium text-path hover:underline">
            Frameworks
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-950 [overflow-wrap:anywhere]">
          Move people to version {plan.to.number} of {plan.framework.name}
        </h1>
        <p className="max-w-3xl text-stone-600">
          Version {plan.to.number} is the latest published version
          {plan.to.publishedAt && <> ({longDate(plan.to.publishedAt)})</>}. Everyone whose current step is on the older version you choose gets a placement on
          the step of version {plan.to.number} it goes to, with the reason &ldquo;migration&rdquo;. A step that keeps its key keeps their time at it; on
          any other step it starts again today. Their evidence is linked to the version {plan.to.number} cells with the same keys as well. Assessments,
          evidence, promotion cases and plans made on the older version stay as they are, readable against it. Deactivated people stay where they are.
        </p>
      </div>

      {plan.fellBack && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Nobody can be moved from that version (it does not exist, or is not older than version {plan.to.number}), so this shows{" "}
          {plan.from ? `version ${plan.from.number}` : "what there is"}.
        </p>
      )}

      {plan.versions.length > 0 && (
        <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          <div className="min-w-0 space-y-1">
            <label htmlFor="from-version" className="block text-sm font-medium">
              Move people from
            </label>
            <select key={plan.from?.number} id="from-version" name="from" defaultValue={plan.from ? String(plan.from.number) : undefined} className={inputClass}>
              {plan.versions.map((v) => (
                <option key={v.number} value={v.number}>
                  Version {v.number}
                  {v.status === "retired" ? " (retired)" : ""}: {v.people.toLocaleString("en")} {v.people === 1 ? "person" : "people"}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50">
            Show
          </button>
        </form>
      )}

      <MovePeople plan={plan} />
    </div>
  );
}
