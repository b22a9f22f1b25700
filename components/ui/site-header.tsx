"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

export type NavLink = { href: Route; label: string };

type Props = {
  brand: ReactNode;
  /** Links everyone with the role uses, shown in one row on a laptop. */
  links: NavLink[];
  /** Administration, gathered under one menu on a laptop. */
  admin: NavLink[];
  /** Who is signed in: always in view. */
  who: ReactNode;
  /** Account and sign out. */
  actions: ReactNode;
};

const isCurrent = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

const linkClass =
  "block rounded px-2 py-1.5 text-stone-700 hover:bg-stone-100 hover:text-stone-900 aria-[current=page]:bg-stone-100 aria-[current=page]:font-medium aria-[current=page]:text-stone-950 xl:px-1.5 xl:py-1";

/**
 * The header: the brand, the main links and the person signed in in one row on a laptop, with the
 * administration gathered under one menu; on a phone, a Menu button opens every link in a column.
 * Either menu closes on navigation, on Escape and (the administration menu) on a click elsewhere.
 */
export function SiteHeader({ brand, links, admin, who, actions }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [adminOpen, setAdminOpen] = useState(false);
  const [seen, setSeen] = useState(pathname);
  const menuButton = useRef<HTMLButtonElement>(null);
  const adminButton = useRef<HTMLButtonElement>(null);
  const adminMenu = useRef<HTMLLIElement>(null);

  // A new page closes both menus.
  if (seen !== pathname) {
    setSeen(pathname);
    setOpen(false);
    setAdminOpen(false);
  }

  useEffect(() => {
    if (!adminOpen) return;
    const away = (e: MouseEvent) => {
      if (!adminMenu.current?.contains(e.target as Node)) setAdminOpen(false);
    };
    document.addEventListener("click", away);
    return () => document.removeEventListener("click", away);
  }, [adminOpen]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Escape") return;
    if (adminOpen) {
      setAdminOpen(false);
      adminButton.current?.focus();
    } else if (open) {
      setOpen(false);
      menuButton.current?.focus();
    }
  };

  const adminCurrent = admin.some((l) => isCurrent(pathname, l.href));

  return (
    <div onKeyDown={onKeyDown} className="mx-auto flex min-h-14 max-w-screen-2xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:px-6">
      {brand}
      {/* Takes what room the row leaves, never more: a long name is cut short rather than pushing the links to a second row. */}
      <div className="order-1 ml-auto flex min-w-0 flex-1 basis-0 justify-end xl:order-2">{who}</div>
      <button
        ref={menuButton}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((o) => !o)}
        className="order-2 inline-flex items-center gap-1.5 rounded border border-stone-300 px-2.5 py-1 text-sm text-stone-800 hover:bg-stone-100 xl:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
        </svg>
        Menu
      </button>
      <div id="site-menu" className={`${open ? "flex" : "hidden"} order-3 w-full flex-col gap-3 border-t border-stone-200 pt-2 xl:contents`}>
        <nav aria-label="Main" className="text-sm xl:order-1">
          <ul className="flex flex-col gap-0.5 xl:flex-row xl:flex-wrap xl:items-center xl:gap-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={isCurrent(pathname, l.href) ? "page" : undefined} className={linkClass}>
                  {l.label}
                </Link>
              </li>
            ))}
            {admin.length > 0 && (
              <li ref={adminMenu} className="relative">
                <p className="mt-2 px-2 text-xs font-semibold uppercase tracking-wide text-stone-500 xl:hidden">Administration</p>
                <button
                  ref={adminButton}
                  type="button"
                  aria-expanded={adminOpen}
                  aria-controls="admin-menu"
                  onClick={() => setAdminOpen((o) => !o)}
                  className={`hidden items-center gap-1 rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-900 xl:inline-flex ${adminCurrent ? "bg-stone-100 font-medium text-stone-950" : ""}`}
                >
                  Admin
                  <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-3.5 transition-transform ${adminOpen ? "rotate-180" : ""}`} fill="currentColor">
                    <path d="M5.5 7.5L10 12l4.5-4.5z" />
                  </svg>
                </button>
                <ul
                  id="admin-menu"
                  className={`flex flex-col gap-0.5 xl:absolute xl:right-0 xl:top-full xl:z-40 xl:mt-1 xl:w-48 xl:rounded-lg xl:border xl:border-stone-200 xl:bg-white xl:p-1 xl:shadow-lg ${adminOpen ? "" : "xl:hidden"}`}
                >
                  {admin.map((l) => (
                    <li key={l.href}>
                      <Link href={l.href} aria-current={isCurrent(pathname, l.href) ? "page" : undefined} className={linkClass}>
                        {l.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm xl:order-3">{actions}</div>
      </div>
    </div>
  );
}
