// `npx tsx scripts/bench-markdown.tsx`: time to render stored Markdown, printed, never asserted.
// "unguarded" is react-markdown with Waymark's options and no bounds (what the pages did before
// the bounds existed); "Markdown" is components/ui/markdown.tsx. The last rows are the worst
// texts the bounds still let through as Markdown, next to an honest 20,000-character text.
import { renderToString } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { Markdown } from "@/components/ui/markdown";
import { MARKDOWN_LIMITS } from "@/lib/markdown";
import { hostileEvidenceBodies, hostileRationales, honestMarkdown } from "@/test/hostile-markdown";

const fill = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));
const skipUnguarded = process.argv.includes("--skip-unguarded");

function time(render: () => string): string {
  const t0 = performance.now();
  try {
    const html = render();
    return `${(performance.now() - t0).toFixed(0).padStart(6)} ms${html.includes('data-markdown="plain"') ? " (plain text)" : ""}`;
  } catch (err) {
    return `${(performance.now() - t0).toFixed(0).padStart(6)} ms, threw ${(err as Error).name}: ${(err as Error).message}`;
  }
}

const L = MARKDOWN_LIMITS;
const atTheLimits: Record<string, string> = {
  "honest Markdown, 20 times, and prose to 20,000 characters": `${honestMarkdown}\n\n`.repeat(20) + fill("A paragraph of prose about the work, with a [link](https://example.com) and *some* emphasis.\n\n", L.chars - 20 * (honestMarkdown.length + 2)),
  [`${L.emphasisRuns} unmatched emphasis openers`]: fill("*_a", (L.emphasisRuns / 2) * 3),
  [`${L.containerMarkers} list markers, ${L.lineNesting} to a line`]: fill(`${"- ".repeat(L.lineNesting)}x\n`, (L.containerMarkers / L.lineNesting) * (2 * L.lineNesting + 2)),
  [`${L.lines} lines`]: fill("x\n", 2 * L.lines - 1),
  "all of these limits at once": [
    fill(`${"- ".repeat(L.lineNesting)}x\n`, (L.containerMarkers / L.lineNesting) * (2 * L.lineNesting + 2)),
    fill("*_a", (L.emphasisRuns / 2) * 3),
    fill("x\n", 2 * (L.lines - 50)),
  ].join("\n"),
};

// Warm up the JIT so the first row is not charged for it.
for (let i = 0; i < 3; i++) renderToString(<Markdown>{honestMarkdown}</Markdown>);

console.log("payload".padEnd(52), "unguarded".padStart(10), "   Markdown");
for (const [name, text] of Object.entries({ ...hostileRationales, ...hostileEvidenceBodies })) {
  const before = skipUnguarded ? "skipped" : time(() => renderToString(<ReactMarkdown skipHtml>{text}</ReactMarkdown>));
  console.log(name.padEnd(52), before, "|", time(() => renderToString(<Markdown>{text}</Markdown>)));
}
for (const [name, text] of Object.entries(atTheLimits)) {
  console.log(`${name} (${text.length} chars)`.padEnd(52), "".padStart(10), "|", time(() => renderToString(<Markdown>{text}</Markdown>)));
}
