import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { buttonLinkClass, PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { canManageFrameworks } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listPendingMoves } from "@/lib/data/framework-migration";
import { listFrameworkVersions, type VersionSummary } from "@/lib/data/framework-versions";
import { longDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Frameworks" };

const STATUS: Record<VersionSummary["status"], { label: string; className: string }> = {
  published: { label: "Published", className: "bg-emerald-100 text-emerald-900" },
  draft: { label: "Draft", className: "bg-amber-100 text-amber-900" },
  retired: { label: "Retired", className: "bg-stone-200 text-stone-800" },
};

export default async function FrameworksPage() {
  await connection();
  const viewer = await requireViewer();
  const [frameworks, pendingMoves] = await Promise.all([listFrameworkVersions(viewer), listPendingMoves(viewer)]);
  const admin = canManageFrameworks(viewer);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Frameworks"
        description="Every framework and its versions: when each was published, by whom and why, and what changed from one version to the next."
        actions={
          admin ? (
            <Link href="/frameworks/import" className={buttonLinkClass}>
              Import a framework file
            </Link>
          ) : undefined
        }
      />
      {frameworks.length === 0 && <p className="text-stone-600">No framework has been published yet.</p>}
      {frameworks.map((f) => (
        <section key={f.key} aria-labelledby={`framework-${f.key}`} className="space-y-3">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h2 id={`framework-${f.key}`} className="text-lg font-semibold text-stone-900 [overflow-wrap:anywhere]">
                {f.name}
              </h2>
              {f.description && <p className="mt-1 max-w-3xl text-sm text-stone-600 [overflow-wrap:anywhere]">{f.description}</p>}
            </div>
            {admin && (
              <Link href={`/frameworks/${f.key}/draft`} className={`${buttonLinkClass} shrink-0 self-start`}>
                {f.versions.some((v) => v.status === "draft") ? "Edit the draft" : "Start a draft"}
                <span className="sr-only"> of {f.name}</span>
              </Link>
            )}
          </div>
          <ol aria-label={`Versions of ${f.name}, newest first`} className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
            {f.versions.map((v, i) => {
              const previous = f.versions[i + 1];
              return (
                <li key={v.number} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold text-stone-900">Version {v.number}</span>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS[v.status].className}`}>{STATUS[v.status].label}</span>
                    </p>
                    <p className="text-sm text-stone-600">
                      {v.publishedAt ? `Published ${longDate(v.publishedAt)}` : "Not published yet"}
                      {v.publishedBy && ` by ${v.publishedBy}`}
                    </p>
                    {v.notes && <p className="max-w-3xl whitespace-pre-line text-sm text-stone-800 [overflow-wrap:anywhere]">{v.notes}</p>}
                    {pendingMoves.get(f.key)?.to === v.number && (
                      <Link href={`/frameworks/${f.key}/move`} className={`${primaryLinkClass} mt-1`}>
                        Move {pendingMoves.get(f.key)!.people} {pendingMoves.get(f.key)!.people === 1 ? "person" : "people"} to version {v.number}
                      </Link>
                    )}
                  </div>
                  {previous && (
                    <Link
                      href={`/frameworks/${f.key}/diff?from=${previous.number}&to=${v.number}`}
                      className="shrink-0 self-start rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50"
                    >
                      Compare with version {previous.number}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
