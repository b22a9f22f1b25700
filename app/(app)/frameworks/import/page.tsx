import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canManageFrameworks } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { listFrameworks } from "@/lib/data/framework-files";
import { longDate } from "@/lib/dates";
import { ImportFrameworkForm } from "./import-framework-form";

export const metadata: Metadata = { title: "Import a framework" };

const statusLabel = { draft: "Draft", published: "Published", retired: "Retired" } as const;

export default async function ImportFrameworkPage() {
  const viewer = await requireViewer();
  if (!canManageFrameworks(viewer)) notFound();
  const frameworks = await listFrameworks(viewer);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Import a framework"
        description="Bring in a framework kept in git (a JSON file exported from Waymark) or in a spreadsheet. It lands as a draft; an invalid file changes nothing."
      />
      <ImportFrameworkForm frameworks={frameworks.map((f) => ({ key: f.key, name: f.name }))} />

      <section aria-labelledby="frameworks-heading" className="space-y-3">
        <h2 id="frameworks-heading" className="text-lg font-semibold">
          Frameworks and their versions
        </h2>
        <p className="text-sm text-stone-600">
          Download any version as a framework file. The format is described by its{" "}
          <a href="/api/frameworks/schema" className="text-path underline">
            JSON Schema
          </a>
          .
        </p>
        <ul className="space-y-3" data-testid="framework-list">
          {frameworks.map((f) => (
            <li key={f.key} className="rounded-xl border border-stone-200 bg-white p-4">
              <h3 className="font-medium [overflow-wrap:anywhere]">
                {f.name} <span className="font-mono text-sm text-stone-600">{f.key}</span>
              </h3>
              <ul className="mt-2 divide-y divide-stone-100 text-sm">
                {f.versions.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5">
                    <span className="font-medium">Version {v.number}</span>
                    <span className={v.status === "draft" ? "rounded bg-amber-100 px-1.5 text-amber-900" : "text-stone-600"}>{statusLabel[v.status]}</span>
                    {v.publishedAt && <span className="text-stone-600">{longDate(v.publishedAt)}</span>}
                    <a
                      href={`/api/frameworks/${f.key}/export?version=${v.number}`}
                      download
                      className="ml-auto text-path hover:underline"
                      aria-label={`Download ${f.name} version ${v.number} as JSON`}
                    >
                      Download JSON
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
