/**
 * Bounds on the Markdown Waymark renders. Past them, text is shown plainly instead: a hostile text
 * can nest thousands of quotes or lists (the renderers recurse once a level and overflow the stack),
 * or pile up list items or emphasis delimiters (micromark's time grows quadratically), and text stored before
 * any input limit existed must still show. No honest text comes near these numbers.
 */
export const MARKDOWN_LIMITS = {
  /** Characters: the longest Markdown field (an evidence body) takes 20,000. */
  chars: 20_000,
  /** Lines: micromark's cost grows faster than linearly with them. */
  lines: 2_000,
  /** Quote and list markers opening one line, as in `> > - 1. text`. */
  lineNesting: 12,
  /** Quote and list markers in the whole text: each list item or quoted line closes and opens containers. */
  containerMarkers: 500,
  /** Runs of `*` or `_` that may open or close emphasis (micromark pairs them in quadratic time). */
  emphasisRuns: 500,
  /** Depth of the parsed tree: root, three quotes, four lists of items, a paragraph, emphasis, a link, text is 17. */
  treeDepth: 32,
} as const;

export type PlainTextReason = "too-long" | "too-many-lines" | "too-deeply-nested" | "too-many-list-items" | "too-much-emphasis";

// One container marker at the start of a line: a quote, a bullet or an ordered-list number.
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/y;

function lineNesting(line: string): number {
  let depth = 0;
  CONTAINER_MARKER.lastIndex = 0;
  while (CONTAINER_MARKER.lastIndex < line.length && CONTAINER_MARKER.test(line)) depth += 1;
  return depth;
}

const isWordCharacter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Runs of `*` or `_`; an underscore inside a word (snake_case) cannot open or close emphasis. */
function emphasisRuns(text: string): number {
  let runs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "*" && c !== "_") continue;
    let end = i + 1;
    while (text[end] === c) end++;
    if (!(c === "_" && isWordCharacter(text[i - 1]) && isWordCharacter(text[end]))) runs++;
    i = end - 1;
  }
  return runs;
}

/**
 * Why a text must be shown as plain text rather than parsed as Markdown, or null when it may be
 * parsed. Linear in the text's length, so it runs before the parser.
 */
export function plainTextReason(text: string): PlainTextReason | null {
  if (text.length > MARKDOWN_LIMITS.chars) return "too-long";
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MARKDOWN_LIMITS.lines) return "too-many-lines";
  let markers = 0;
  for (const line of lines) {
    const nesting = lineNesting(line);
    if (nesting > MARKDOWN_LIMITS.lineNesting) return "too-deeply-nested";
    markers += nesting;
  }
  if (markers > MARKDOWN_LIMITS.containerMarkers) return "too-many-list-items";
  if (emphasisRuns(text) > MARKDOWN_LIMITS.emphasisRuns) return "too-much-emphasis";
  return null;
}

type TreeNode = { children?: readonly object[] };

/** Whether a parsed tree is deeper than `max` levels below its root; walks without recursion. */
export function treeDeeperThan(root: TreeNode, max: number): boolean {
  const stack: [TreeNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of node.children ?? []) stack.push([child as TreeNode, depth + 1]);
  }
  return false;
}
