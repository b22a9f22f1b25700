type Expectation = { text: string; examples: string[] };

/** What a step expects on one dimension: the summary always, the detailed expectations on request. */
export function CellDescriptor({ summary, expectations }: { summary: string; expectations: Expectation[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm leading-relaxed text-stone-800">{summary}</p>
      {expectations.length > 0 && (
        <details className="group text-sm">
          <summary className="cursor-pointer select-none rounded text-xs font-medium text-path hover:underline">
            {expectations.length} {expectations.length === 1 ? "expectation" : "expectations"}
          </summary>
          <ul className="mt-2 space-y-2 border-l-2 border-path-soft pl-3">
            {expectations.map((e, i) => (
              <li key={i} className="text-stone-700">
                {e.text}
                {e.examples.length > 0 && (
                  <span className="mt-0.5 block text-xs italic text-stone-600">For example: {e.examples.join("; ")}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
