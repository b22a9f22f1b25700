import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The frame of the signed-out pages: the mark, a title, and a card, centred on the page. */
export function AuthCard({ title, children, below }: { title: string; children: ReactNode; below?: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-2 text-center">
          <Logo className="size-10" />
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        </div>
        <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">{children}</div>
        {below}
      </div>
    </main>
  );
}
