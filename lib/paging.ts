/**
 * Paging a long list: which page to show, which page numbers to link to, and what to say about
 * them. Pure, for any list whose page comes from a URL.
 */

/** How many pages `total` rows fill (at least one, so an empty list still has its page 1), and the page shown. */
export function clampPage(requested: number, total: number, pageSize: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, Math.floor(requested) || 1), pages), pages };
}

/**
 * The page numbers the pager links to: the first, the last, and two either side of the current
 * page, with a gap (null) where numbers are left out.
 */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last === 2) out.push(p - 1);
    else if (typeof last === "number" && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

const count = new Intl.NumberFormat("en-GB");
export const formatCount = (n: number) => count.format(n);

/** "Showing 101–150 of 2,003" (of a list that is not empty). */
export function showingText({ page, total, pageSize }: { page: number; total: number; pageSize: number }): string {
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `Showing ${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
}
