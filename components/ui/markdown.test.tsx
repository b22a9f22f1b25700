import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { hostileEvidenceBodies, hostileRationales, honestMarkdown } from "@/test/hostile-markdown";
import { Markdown } from "./markdown";

const render = (text: string) => renderToString(<Markdown>{text}</Markdown>);
const PLAIN = 'data-markdown="plain"';

describe("Markdown", () => {
  it("renders honest Markdown: nested quotes and lists, emphasis, links and code", () => {
    const html = render(honestMarkdown);
    expect(html).not.toContain(PLAIN);
    expect(html.match(/<blockquote>/g)).toHaveLength(3);
    expect(html.match(/<ul>/g)).toHaveLength(3);
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>billing</strong>");
    expect(html).toContain("<em>without</em>");
    expect(html).toContain('<a href="https://docs.example.com/billing">the design</a>');
    expect(html).toContain("<code>queue.ts</code>");
    expect(html).toContain('<code class="language-ts">');
  });

  it("still drops raw HTML and unsafe links", () => {
    const html = render('<script>alert(1)</script> [x](javascript:alert(1))');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });

  it.each(Object.entries({ ...hostileRationales, ...hostileEvidenceBodies }))("shows %s as plain text instead of failing", (_name, text) => {
    const html = render(text);
    expect(html).toContain(PLAIN);
    expect(html).not.toContain("<blockquote>");
    expect(html).toContain(text.trim().slice(-1));
  });

  it("shows a text whose parsed tree is too deep as plain text, even when it passes the cheap checks", () => {
    // Nesting by indentation alone: one marker to a line, each line two columns deeper.
    const text = Array.from({ length: 40 }, (_, i) => `${" ".repeat(2 * i)}- level ${i}`).join("\n");
    const html = render(text);
    expect(html).toContain(PLAIN);
    expect(html).toContain("level 39");
    expect(html).not.toContain("<ul>");
  });

  it("escapes the plain text it shows", () => {
    const html = render(`${">".repeat(5_000)}<img src=x onerror=alert(1)>`);
    expect(html).toContain(PLAIN);
    expect(html).toContain("&lt;img");
    expect(html).not.toContain("<img");
  });
});
