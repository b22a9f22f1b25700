import type { TextPart } from "@/lib/framework/diff";

const insertedClass = "rounded-sm bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-2";
const deletedClass = "rounded-sm bg-red-100 text-red-950 line-through decoration-red-700 decoration-2";

/** How to read the marks, shown once above the texts. */
export function WordDiffLegend() {
  return (
    <p className="text-sm text-stone-700">
      In the texts below, <ins className={insertedClass}>inserted words</ins> are underlined on green and{" "}
      <del className={deletedClass}>removed words</del> struck through on red.
    </p>
  );
}

/**
 * Text with inserted words marked <ins> and removed words <del>. Screen readers do not announce
 * either element by default, so each carries its meaning in hidden words too.
 */
export function WordDiff({ parts, className = "" }: { parts: TextPart[]; className?: string }) {
  if (parts.length === 0) return <p className={`text-sm italic text-stone-600 ${className}`}>Empty</p>;
  return (
    <p dir="auto" className={`whitespace-pre-line text-sm leading-relaxed text-stone-800 [overflow-wrap:anywhere] ${className}`}>
      {parts.map((part, i) =>
        part.kind === "inserted" ? (
          <ins key={i} className={insertedClass}>
            <span className="sr-only">[inserted: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : part.kind === "deleted" ? (
          <del key={i} className={deletedClass}>
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
