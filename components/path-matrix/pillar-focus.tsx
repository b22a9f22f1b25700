import type { Route } from "next";
import Link from "next/link";
import { pillarLabel, type Pillar } from "@/lib/framework/pillars";
import { pathHref } from "@/lib/framework/path-query";

/**
 * Links that narrow the matrix to one pillar's dimensions, or show them all: the choice lives in
 * the URL (`?pillar=`), so it works without JavaScript, and the matrix stays in view.
 */
export function PillarFocus({ framework, pillars, focused, anchor }: { framework: string; pillars: Pillar[]; focused: string | null; anchor: string }) {
  const link = (key: string | undefined, text: string, size?: number) => {
    const current = (key ?? null) === focused;
    return (
      <li key={key ?? ""} className="min-w-0">
        <Link
          href={pathHref({ framework, pillar: key }, anchor) as Route}
          aria-current={current ? "true" : undefined}
          className={`inline-block max-w-full rounded-md px-2.5 py-1 text-sm wrap-anywhere ${
            current ? "bg-stone-800 font-semibold text-white" : "text-stone-700 hover:bg-stone-100 hover:text-stone-950"
          }`}
        >
          {text}
          {size !== undefined && (
            <>
              {" "}
              <span className={`text-xs ${current ? "text-stone-200" : "text-stone-500"}`}>
                {size}
                <span className="sr-only"> {size === 1 ? "dimension" : "dimensions"}</span>
              </span>
            </>
          )}
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label="Focus on a pillar" className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="text-sm font-medium text-stone-700" aria-hidden="true">
        Pillars:
      </span>
      <ul className="flex flex-wrap gap-1">
        {link(undefined, "All pillars")}
        {pillars.map((p) => link(p.key, pillarLabel(p), p.size))}
      </ul>
    </nav>
  );
}
