import type { ReactNode } from "react";

/** A titled part of a page, named for screen readers by its heading; `card` draws it as a white panel. */
export function Section({ id, title, srOnlyTitle = false, card = false, children }: { id: string; title: string; srOnlyTitle?: boolean; card?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={card ? "max-w-md rounded-xl border border-stone-200 bg-white p-5 shadow-sm" : "space-y-3"}>
      <h2 id={id} className={srOnlyTitle ? "sr-only" : "text-lg font-semibold text-stone-900"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
