import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonLinkClass, PageHeader, primaryLinkClass } from "@/components/ui/page-header";
import { canListPeople, canManagePeople, roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getOpenCycle, listReviewStatuses, type ReviewStatus } from "@/lib/data/assessments";
import { listPeople } from "@/lib/data/people";

function reviewText(status: ReviewStatus | undefined): string {
  if (!status) return "—";
  const self = status.self ? "self submitted" : "self not submitted";
  const manager = status.manager === "submitted" ? "manager submitted" : status.manager === "draft" ? "your draft" : "manager not started";
  return `${self} · ${manager}`;
}

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const viewer = await requireViewer();
  if (!canListPeople(viewer)) notFound();
  const admin = canManagePeople(viewer);
  const [people, cycle] = await Promise.all([listPeople(viewer), getOpenCycle()]);
  const reviews = cycle ? await listReviewStatuses(viewer, cycle.id, people.filter((p) => p.role !== "admin").map((p) => p.id)) : new Map<string, ReviewStatus>();

  return (
    <div>
      <PageHeader
        title={admin ? "People" : "My reports"}
        description={admin ? "Everyone in the organisation: roles, reporting lines and teams." : "Everyone who reports to you, directly or through another manager."}
        actions={
          admin && (
            <>
              <Link href="/people/import" className={buttonLinkClass}>
                Import CSV
              </Link>
              <a href="/people/export" className={buttonLinkClass} download>
                Export CSV
              </a>
              <Link href="/people/new" className={primaryLinkClass}>
                Add person
              </Link>
            </>
          )
        }
      />
      {people.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">Nobody reports to you yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{admin ? "People" : "My reports"}</caption>
            <thead className="bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">Name</th>
                <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">Role</th>
                <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">Team</th>
                <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">Manager</th>
                {cycle && <th scope="col" className="px-4 py-2 font-semibold">{cycle.name}</th>}
                <th scope="col" className="px-4 py-2 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {people.map((p) => (
                <tr key={p.id} className={p.active ? "" : "bg-stone-50 text-stone-500"}>
                  <td className="px-4 py-2">
                    <Link href={`/people/${p.id}`} className="font-medium text-stone-900 hover:underline">
                      {p.name}
                    </Link>
                    <span className="block text-xs text-stone-600">{p.email}</span>
                    <span className="block text-xs text-stone-600 sm:hidden">
                      {[roleLabel[p.role], p.team?.name, p.manager && `reports to ${p.manager.name}`].filter(Boolean).join(" · ")}
                    </span>
                  </td>
                  <td className="hidden px-4 py-2 sm:table-cell">{roleLabel[p.role]}</td>
                  <td className="hidden px-4 py-2 sm:table-cell">{p.team?.name ?? "—"}</td>
                  <td className="hidden px-4 py-2 sm:table-cell">{p.manager?.name ?? "—"}</td>
                  {cycle && (
                    <td className="px-4 py-2">
                      {reviews.has(p.id) ? (
                        <Link href={`/people/${p.id}/assessment?cycle=${cycle.id}`} className="text-stone-800 underline decoration-stone-300 hover:decoration-path">
                          {reviewText(reviews.get(p.id))}
                          <span className="sr-only">: review of {p.name}</span>
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  )}
                  <td className="px-4 py-2">
                    {p.active ? "Active" : <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">Deactivated</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
