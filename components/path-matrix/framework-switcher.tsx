import type { Route } from "next";
import Link from "next/link";
import { pathHref } from "@/lib/framework/path-query";

/**
 * The frameworks the path page can show, as links: the one shown is marked current, the viewer's
 * own is labelled. Plain links, so switching works without JavaScript and from the keyboard.
 */
export function FrameworkSwitcher({ frameworks, shown, own }: { frameworks: { key: string; name: string }[]; shown: string | null; own: string | null }) {
  return (
    <nav aria-label="Frameworks">
      <ul className="flex flex-wrap gap-2">
        {frameworks.map((f) => {
          const current = f.key === shown;
          return (
            <li key={f.key} className="min-w-0">
              <Link
                href={pathHref({ framework: f.key }) as Route}
                aria-current={current ? "page" : undefined}
                className={`inline-flex max-w-full items-center gap-2 rounded-full border px-3 py-1.5 text-sm font-medium wrap-anywhere ${
                  current ? "border-path bg-path text-white" : "border-stone-300 bg-white text-stone-800 hover:border-path hover:text-path"
                }`}
              >
                <span className="min-w-0">{f.name}</span>{" "}
                {f.key === own && (
                  <span className={`shrink-0 rounded-full px-1.5 text-xs font-semibold ${current ? "bg-white text-path" : "bg-path-soft text-stone-800"}`}>yours</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
