import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { canCalibrate, canListPeople, canManagePeople, canReadAuditLog, canSeeTeam, roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const links = [
    { href: "/", label: "Where I am", show: true },
    { href: "/assessment", label: "Self-assessment", show: true },
    { href: "/evidence", label: "Evidence", show: true },
    { href: "/path", label: "Career path", show: true },
    { href: "/frameworks", label: "Frameworks", show: true },
    { href: "/team", label: "My team", show: canSeeTeam(viewer) && viewer.reportIds.size > 0 },
    { href: "/people", label: canManagePeople(viewer) ? "People" : "My reports", show: canListPeople(viewer) },
    { href: "/calibration", label: "Calibration", show: canCalibrate(viewer) },
    { href: "/teams", label: "Teams", show: canManagePeople(viewer) },
    { href: "/cycles", label: "Review cycles", show: canManagePeople(viewer) },
    { href: "/audit", label: "Audit log", show: canReadAuditLog(viewer) },
  ] as const;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex min-h-14 max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-stone-900">
            <Logo />
            Waymark
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
            {links
              .filter((l) => l.show)
              .map((l) => (
                <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-900">
                  {l.label}
                </Link>
              ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <p data-testid="signed-in-as" className="text-stone-600">
              Signed in as{" "}
              <Link href={`/people/${viewer.id}`} className="font-medium text-stone-900 hover:underline">
                {viewer.name}
              </Link>{" "}
              <span className="rounded-full bg-path-soft px-2 py-0.5 text-xs font-medium text-stone-800">{roleLabel[viewer.role]}</span>
            </p>
            <Link href="/account" className="whitespace-nowrap rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-900">
              Account
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="whitespace-nowrap rounded border border-stone-300 px-2.5 py-1 text-stone-700 hover:bg-stone-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 sm:py-8 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
