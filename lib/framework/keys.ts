/** Stable keys for the parts of a framework, made from their names. */

/**
 * A key from a name: lower-case ASCII letters, digits and dashes. Names in other scripts have no
 * such letters, so they get a numbered key instead (`step-3`).
 */
export function keyFromName(name: string, prefix: string, n: number): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const key = /^[a-z]/.test(slug) ? slug : slug ? `${prefix}-${slug}` : `${prefix}-${n}`;
  return key.slice(0, 48).replace(/-+$/, "");
}

/** `key`, or `key-2`, `key-3`…: the first not yet taken, which is then taken. */
export function uniqueKey(key: string, taken: Set<string>): string {
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key.slice(0, 48 - String(n).length - 1)}-${n}`;
  taken.add(candidate);
  return candidate;
}
