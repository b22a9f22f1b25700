/**
 * Markdown an attacker stores to break or slow down the pages that show it, and the honest
 * Markdown those pages must still render. Shared by the renderer's unit tests, the data-layer
 * tests, the browser tests and scripts/bench-markdown.tsx.
 */

const fill = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));

/** Each fits the 5,000 characters of a rationale. */
export const hostileRationales = {
  "4,000 nested quotes": ">".repeat(4_000) + "x",
  "2,400 alternating emphasis runs each side": "*_".repeat(1_200) + "x" + "_*".repeat(1_200),
  "2,400 nested list items": "- ".repeat(2_400) + "x",
} as const;

/** Each fits the 20,000 characters of an evidence body, even with its line breaks sent as CRLF by a browser's form. */
export const hostileEvidenceBodies = {
  "4,999 nested quotes": ">".repeat(4_999) + "x",
  "9,000 spaced nested quotes": "> ".repeat(9_000),
  "6,600 alternating emphasis runs each side": "*_".repeat(3_300) + "x" + "_*".repeat(3_300),
  "9,999 nested list items": "- ".repeat(9_999) + "x",
  "2,666 lines of two-deep list items": fill("- - x\n", 16_000),
  "6,600 unmatched emphasis openers": fill("*_a", 19_800),
  "9,999 line breaks": "\n".repeat(9_999) + "x",
} as const;

export const honestMarkdown = [
  "We moved **billing** to the new queue, _without_ downtime. See [the design](https://docs.example.com/billing) and `queue.ts`.",
  "",
  "> The customer said:",
  "> > it has never been this fast",
  "> > > (quoted from the support ticket)",
  "",
  "1. Plan",
  "   - Write the design",
  "     - Review it with *the team*",
  "       - Sign-off from ops",
  "2. Ship",
  "",
  "```ts",
  "const retries = 3;",
  "```",
].join("\n");
