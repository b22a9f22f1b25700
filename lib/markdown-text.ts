/**
 * Text written into a Markdown file Waymark sends: on one line, with every character that Markdown
 * would read as markup escaped, so a hostile title or answer reads as itself in any renderer.
 */
export function markdownInline(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/([\\`*_[\]<>#|])/g, "\\$1");
}
