import type { Route } from "next";
import Link from "next/link";
import { pageNumbers } from "@/lib/audit/query";

const item = "inline-flex min-w-9 items-center justify-center rounded-md border px-3 py-1.5 text-sm";

/** Previous, the first page, a few around this one (marked current for screen readers), the last when it is known, next. */
export function Pagination({ page, pages, lastKnown = true, href, label }: { page: number; pages: number; lastKnown?: boolean; href: (page: number) => Route; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} className={`${item} border-stone-300 bg-white hover:bg-stone-50`} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={`${item} border-stone-200 text-stone-500`}>Previous</span>
          )}
        </li>
        {pageNumbers(page, pages, { lastKnown }).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="px-1 text-stone-500" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={href(n)}
                aria-current={n === page ? "page" : undefined}
                aria-label={`Page ${n.toLocaleString("en-GB")}`}
                className={`${item} ${n === page ? "border-path bg-path font-semibold text-white" : "border-stone-300 bg-white hover:bg-stone-50"}`}
              >
                {n.toLocaleString("en-GB")}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link href={href(page + 1)} className={`${item} border-stone-300 bg-white hover:bg-stone-50`} rel="next">
              Next
            </Link>
          ) : (
            <span className={`${item} border-stone-200 text-stone-500`}>Next</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
