import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Waymark", template: "%s · Waymark" },
  description: "Career paths, self-placement with evidence, and promotion calibration for engineering teams.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-4 sm:px-6">
            <Link href="/path" className="flex items-center gap-2 font-semibold tracking-tight text-stone-900">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-path" fill="none" stroke="currentColor" strokeWidth="2.2">
                <path d="M6 21V13M6 13C6 8 18 9 18 3M6 13V3" strokeLinecap="round" />
                <circle cx="6" cy="3" r="1.6" fill="currentColor" stroke="none" />
                <circle cx="18" cy="3" r="1.6" fill="currentColor" stroke="none" />
              </svg>
              Waymark
            </Link>
            <nav aria-label="Main" className="text-sm">
              <Link href="/path" className="rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-900">
                Career path
              </Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
