import type { Root } from "mdast";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import { MARKDOWN_LIMITS, plainTextReason, treeDeeperThan } from "@/lib/markdown";

/**
 * Markdown written by people, shown safely: raw HTML is not rendered (react-markdown escapes it),
 * and links keep only http, https and mailto addresses.
 */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(cleaned) ? cleaned : "";
}

const plainClass = "whitespace-pre-wrap break-words";

/** A parsed tree too deep to render in bounded stack becomes the source text, shown plainly. */
function remarkPlainWhenTooDeep() {
  return (tree: Root, file: { value: unknown }) => {
    if (!treeDeeperThan(tree, MARKDOWN_LIMITS.treeDepth)) return;
    tree.children = [
      {
        type: "paragraph",
        data: { hName: "div", hProperties: { className: [plainClass], dataMarkdown: "plain" } },
        children: [{ type: "text", value: String(file.value) }],
      },
    ];
  };
}

const remarkPlugins = [remarkPlainWhenTooDeep];

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-waymark text-sm leading-relaxed text-stone-800">
      {plainTextReason(children) ? (
        <div className={plainClass} data-markdown="plain">
          {children}
        </div>
      ) : (
        <ReactMarkdown urlTransform={safeUrl} skipHtml remarkPlugins={remarkPlugins}>
          {children}
        </ReactMarkdown>
      )}
    </div>
  );
}
