import type { Route } from "next";
import Link from "next/link";
import type { FrameworkRoad } from "@/lib/data/plan-direction";

/** The organisation's frameworks side by side: on the person's own the steps past theirs, on each other every step, each linked to its path. */
export function FrameworkRoads({ frameworks, currentStep }: { frameworks: FrameworkRoad[]; currentStep: string | null }) {
  if (frameworks.length === 0) return <p className="text-sm text-stone-600">No framework is published yet.</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {frameworks.map((f) => (
        <li key={f.key} className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold text-stone-950 [overflow-wrap:anywhere]">
            <Link href={`/path?framework=${encodeURIComponent(f.key)}` as Route} className="text-path hover:underline">
              {f.name}
            </Link>
          </h3>
          <p className="text-xs text-stone-600">{f.own ? (currentStep ? `Yours: the steps past ${currentStep}` : "Yours") : "Every step"}</p>
          {f.steps.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">No step lies past this one.</p>
          ) : (
            <ol className="mt-2 flex flex-wrap gap-1.5 text-xs">
              {f.steps.map((s, i) => (
                <li key={i} className="rounded-full border border-stone-200 bg-stone-50 px-2 py-0.5 text-stone-800 [overflow-wrap:anywhere]">
                  {s.name}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}
