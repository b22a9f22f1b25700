import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { SiteHeader, type NavLink } from "@/components/ui/site-header";
import { canCalibrate, canListPeople, canManagePeople, canReadAuditLog, canSeeTeam, roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const admin = canManagePeople(viewer);
  const visible = (links: (NavLink & { show: boolean })[]) => links.filter((l) => l.show).map(({ href, label }) => ({ href, label }));
  const links = visible([
    { href: "/", label: "Where I am", show: true },
    { href: "/assessment", label: "Self-assessment", show: true },
    { href: "/evidence", label: "Evidence", show: true },
    { href: "/path", label: "Career path", show: true },
    { href: "/frameworks", label: "Frameworks", show: true },
    { href: "/team", label: "My team", show: canSeeTeam(viewer) && viewer.hasReports },
    { href: "/people", label: "My reports", show: canListPeople(viewer) && !admin },
    { href: "/calibration", label: "Calibration", show: canCalibrate(viewer) },
  ]);
  const administration = visible([
    { href: "/people", label: "People", show: admin },
    { href: "/teams", label: "Teams", show: admin },
    { href: "/cycles", label: "Review cycles", show: admin },
    { href: "/audit", label: "Audit log", show: canReadAuditLog(viewer) },
  ]);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <SiteHeader
          brand={
            <Link href="/" className="order-0 flex items-center gap-2 font-semibold tracking-tight text-stone-900">
              <Logo />
              Waymark
            </Link>
          }
          links={links}
          admin={administration}
          who={
            <p data-testid="signed-in-as" className="flex min-w-0 items-center gap-1.5 text-sm text-stone-600">
              <span className="sr-only">Signed in as </span>
              <Link href={`/people/${viewer.id}`} title={viewer.name} className="truncate font-medium text-stone-900 hover:underline">
                {viewer.name}
              </Link>{" "}
              <span className="shrink-0 rounded-full bg-path-soft px-2 py-0.5 text-xs font-medium text-stone-800 max-sm:sr-only">{roleLabel[viewer.role]}</span>
            </p>
          }
          actions={
            <>
              <Link href="/account" className="inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-900" title="Account">
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <circle cx="10" cy="7" r="3.2" />
                  <path d="M3.5 17c1-3.2 3.5-4.8 6.5-4.8s5.5 1.6 6.5 4.8" />
                </svg>
                <span className="xl:sr-only">Account</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="whitespace-nowrap rounded border border-stone-300 px-2.5 py-1 text-stone-700 hover:bg-stone-100">
                  Sign out
                </button>
              </form>
            </>
          }
        />
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 sm:py-8 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
