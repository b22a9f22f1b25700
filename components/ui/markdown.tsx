import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/**
 * Markdown written by people, shown safely: raw HTML is not rendered (react-markdown escapes it),
 * and links keep only http, https and mailto addresses.
 */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(cleaned) ? cleaned : "";
}

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-waymark text-sm leading-relaxed text-stone-800">
      <ReactMarkdown urlTransform={safeUrl} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
