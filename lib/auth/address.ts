/**
 * The client's address for sign-in limits. Each proxy appends the address it saw to
 * X-Forwarded-For, so only the entries added by our own proxies can be trusted: they are counted
 * from the right, and anything further left is whatever the client chose to send.
 */
export function clientAddress(header: string | null, trustedHops: number): string {
  const hops = (header ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedHops)] ?? "unknown";
}
