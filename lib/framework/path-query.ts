/**
 * The career path page's query: which framework to show (`framework`, by key) and which pillar to
 * focus on (`pillar`, by key). Both live in the URL, so links work without JavaScript and can be shared.
 */

export type PathQuery = { framework?: string; pillar?: string };

/** Longer than any key can be; a longer value names nothing and is cut before it is shown. */
const MAX_KEY = 100;

const one = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed.slice(0, MAX_KEY) : undefined;
};

export function parsePathQuery(raw: Record<string, string | string[] | undefined>): PathQuery {
  return { framework: one(raw.framework), pillar: one(raw.pillar) };
}

/** The page's address for a query; the matrix is scrolled into view when a pillar is chosen. */
export function pathHref(query: PathQuery, anchor?: string): string {
  const params = new URLSearchParams();
  if (query.framework) params.set("framework", query.framework);
  if (query.pillar) params.set("pillar", query.pillar);
  const s = params.toString();
  return `/path${s ? `?${s}` : ""}${anchor ? `#${anchor}` : ""}`;
}
