import { ARCHETYPES, mixGapWords, type ArchetypeMix } from "@/lib/plan/archetypes";

/**
 * The archetype mix now and wanted, drawn as paired bars in HTML; the same figures stand in a
 * table for screen readers (the bars are hidden from them), with the gap in words under it.
 */
export function ArchetypeChart({ current, wanted, who = "You" }: { current: ArchetypeMix | null; wanted: ArchetypeMix | null; who?: string }) {
  if (!current && !wanted) return <p className="text-sm text-stone-600">No archetype mix yet.</p>;
  // "You want …", "Lena wants …".
  const gap = current && wanted ? (who === "You" ? mixGapWords(current, wanted).replace(/^wants/, "want") : mixGapWords(current, wanted)) : "";
  const cell = (mix: ArchetypeMix | null, key: keyof ArchetypeMix) => (mix ? `${mix[key]}%` : "—");
  return (
    <figure className="space-y-4" aria-labelledby="archetype-caption">
      <figcaption id="archetype-caption" className="font-medium text-stone-900">
        {current && wanted ? `${who} ${gap}.` : current ? "The mix now; no wanted mix yet." : "The wanted mix; no mix now yet."}
      </figcaption>
      <div aria-hidden="true" className="space-y-3">
        {ARCHETYPES.map((a) => (
          <div key={a.key} className="grid grid-cols-[6.5rem_minmax(0,1fr)] items-center gap-x-3 gap-y-1 text-sm">
            <span className="row-span-2 font-medium text-stone-800">{a.label}</span>
            {(
              [
                ["Now", current, "bg-stone-500"],
                ["Wanted", wanted, "bg-path"],
              ] as const
            ).map(([label, mix, color]) => (
              <div key={label} className="flex items-center gap-2">
                <div className="h-3 flex-1 rounded bg-stone-100">
                  <div className={`h-3 rounded ${color}`} style={{ width: `${mix ? mix[a.key] : 0}%` }} />
                </div>
                <span className="w-20 shrink-0 text-xs text-stone-600">
                  {label} {cell(mix, a.key)}
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>Archetype mix, now and wanted, in percent</caption>
        <thead>
          <tr>
            <th scope="col">Archetype</th>
            <th scope="col">Now</th>
            <th scope="col">Wanted</th>
          </tr>
        </thead>
        <tbody>
          {ARCHETYPES.map((a) => (
            <tr key={a.key}>
              <th scope="row">{a.label}</th>
              <td>{cell(current, a.key)}</td>
              <td>{cell(wanted, a.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The chart in its own card under a heading, when there is a mix to draw. */
export function ArchetypeMixSection({ title, current, wanted, who }: { title: string; current: ArchetypeMix | null; wanted: ArchetypeMix | null; who?: string }) {
  if (!current && !wanted) return null;
  return (
    <section aria-labelledby="chart-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="chart-heading" className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      <ArchetypeChart current={current} wanted={wanted} who={who} />
    </section>
  );
}
