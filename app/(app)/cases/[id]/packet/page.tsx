import type { Metadata } from "next";
import Link from "next/link";
import { CasePacket } from "@/components/cases/case-packet";
import { requireViewer } from "@/lib/auth/session";
import { getCase } from "@/lib/data/cases";
import { orNotFound } from "@/lib/pages";
import { longDate } from "@/lib/dates";
import { statusWord } from "@/lib/promotion/packet";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Promotion packet" };

/** The packet as a committee prints it: no navigation on paper, each section on its own page. */
export default async function PacketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const c = await orNotFound(getCase(viewer, id));
  return (
    <article className="mx-auto max-w-4xl space-y-6 print:max-w-none">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/cases/${c.id}`} className="text-sm font-medium text-path hover:underline">
          ← Back to the case
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`/cases/${c.id}/packet.md`} download className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-stone-50">
            Download as Markdown
          </a>
          <PrintButton />
        </div>
      </div>
      <header className="border-b border-stone-300 pb-4">
        <p className="text-sm font-medium text-path">Promotion packet · {c.cycle.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words">
          {c.subject.name}
          {c.packet && (
            <span className="block text-lg font-normal text-stone-700">
              {c.packet.from.name} → {c.packet.to.name}
            </span>
          )}
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          {statusWord[c.status]} · printed from Waymark on {longDate(new Date())}
        </p>
      </header>
      {c.packet ? <CasePacket c={c} packet={c.packet} decision={c.visibleDecision} /> : <p>The steps of this case are no longer in its framework version.</p>}
    </article>
  );
}
