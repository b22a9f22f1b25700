import type { SkillsView as Skills } from "@/lib/data/plan-skills";
import { byArea, points } from "@/lib/plan/skills";

const level = (n: number | null) => (n === null ? "—" : `${n}`);

/**
 * A skills inventory to read: each area's skills with the person's rating, their target and the
 * manager's rating; `managerCell` replaces the manager's column with a control (the direct manager's form).
 */
export function SkillsTable({ skills, managerCell }: { skills: Skills["skills"]; managerCell?: (skill: Skills["skills"][number]) => React.ReactNode }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {byArea(skills).map((group, i) => (
        <section key={group.area} aria-labelledby={`area-${i}-heading`} className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          <h3 id={`area-${i}-heading`} className="font-semibold text-stone-950 [overflow-wrap:anywhere]">
            {group.area}
          </h3>
          <table className="mt-2 w-full table-fixed text-sm">
            <thead>
              <tr className="text-left text-xs text-stone-600">
                <th scope="col" className="py-1 font-medium">
                  Skill
                </th>
                <th scope="col" className="w-14 py-1 font-medium">
                  Self
                </th>
                <th scope="col" className="w-14 py-1 font-medium">
                  Target
                </th>
                <th scope="col" className={`${managerCell ? "w-32" : "w-16"} py-1 font-medium`}>
                  Manager
                </th>
              </tr>
            </thead>
            <tbody>
              {group.skills.map((s) => (
                <tr key={s.id} className="border-t border-stone-100">
                  <th scope="row" className="py-2 pr-2 text-left font-normal text-stone-900 [overflow-wrap:anywhere]">
                    {s.name}
                  </th>
                  <td className="py-2">{level(s.rating)}</td>
                  <td className="py-2">{level(s.target)}</td>
                  <td className="py-2">{managerCell ? managerCell(s) : level(s.managerRating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/** The top gaps and their actions, as text. */
export function GapsView({ gaps }: { gaps: Skills["gaps"] }) {
  if (gaps.length === 0) return <p className="text-sm text-stone-600">No gaps yet: a gap is a skill whose target is above its rating.</p>;
  return (
    <ol className="grid gap-4 lg:grid-cols-3">
      {gaps.map((g, k) => (
        <li key={g.id} className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          <p className="text-xs font-semibold uppercase tracking-wide text-path">
            Gap {k + 1} · {points(g.gap)}
          </p>
          <h3 className="mt-1 font-semibold text-stone-950 [overflow-wrap:anywhere]">{g.name}</h3>
          <p className="text-sm text-stone-600 [overflow-wrap:anywhere]">
            {g.area}: {g.rating} now, aiming for {g.target}
          </p>
          <dl className="mt-3 space-y-2 text-sm">
            {(
              [
                ["Read", g.actions.read],
                ["Practise", g.actions.practise],
                ["Show", g.actions.show],
              ] as const
            ).map(([term, text]) => (
              <div key={term}>
                <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{term}</dt>
                <dd className={`mt-0.5 whitespace-pre-line [overflow-wrap:anywhere] ${text ? "text-stone-800" : "text-stone-500"}`}>{text || "Not written yet."}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
