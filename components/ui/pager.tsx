import type { Route } from "next";
import Link from "next/link";
import { formatCount, pageWindow } from "@/lib/paging";

const linkClass = "inline-flex min-w-9 items-center justify-center rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50";
const offClass = "inline-flex min-w-9 items-center justify-center rounded-md border border-stone-200 px-2.5 py-1.5 text-sm text-stone-400";

/**
 * Links to the pages of a long list: first, previous, a few numbers around the current page (marked
 * with aria-current), next and last. Plain links, so paging works without any script.
 */
export function Pager({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  const step = (to: number, text: string, rel?: "prev" | "next") =>
    to >= 1 && to <= pages && to !== page ? (
      <Link href={href(to) as Route} rel={rel} className={linkClass}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={offClass}>
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="flex flex-col items-center gap-2 sm:flex-row sm:justify-between">
      <p className="text-sm text-stone-600">
        Page {formatCount(page)} of {formatCount(pages)}
      </p>
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        <li>{step(1, "First")}</li>
        <li>{step(page - 1, "Previous", "prev")}</li>
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="hidden px-1 text-stone-500 sm:block">
              …
            </li>
          ) : (
            <li key={p} className={p === page ? "" : "hidden sm:block"}>
              <Link
                href={href(p) as Route}
                aria-current={p === page ? "page" : undefined}
                className={p === page ? "inline-flex min-w-9 items-center justify-center rounded-md border border-path bg-path px-2.5 py-1.5 text-sm font-semibold text-white" : linkClass}
              >
                <span className="sr-only">Page </span>
                {formatCount(p)}
              </Link>
            </li>
          ),
        )}
        <li>{step(page + 1, "Next", "next")}</li>
        <li>{step(pages, "Last")}</li>
      </ul>
    </nav>
  );
}
