import type { Metadata } from "next";
import { connection } from "next/server";
import { PathMatrix } from "@/components/path-matrix/path-matrix";
import { PathOverview } from "@/components/path-matrix/path-overview";
import { requireViewer } from "@/lib/auth/session";
import { getWhereNow } from "@/lib/data/career";
import { countEvidenceByCell } from "@/lib/data/evidence";
import { getPublishedFrameworks } from "@/lib/data/frameworks";
import { isFork } from "@/lib/framework/path-graph";

export const metadata: Metadata = { title: "Career path" };

export default async function PathPage() {
  await connection();
  const viewer = await requireViewer();
  const [[framework], now] = await Promise.all([getPublishedFrameworks(), getWhereNow(viewer, viewer.id)]);
  // Evidence counts show on the version the viewer is placed on: their evidence links to its cells.
  const evidenceCounts = framework && now?.version.version.id === framework.version.id ? await countEvidenceByCell(viewer, viewer.id) : undefined;
  const evidence = evidenceCounts && { counts: Object.fromEntries(evidenceCounts), personId: viewer.id, own: true };

  if (!framework) {
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <h1 className="text-2xl font-semibold">No career path yet</h1>
        <p className="mt-2 text-stone-600">An admin publishes the first version of the framework, and it appears here.</p>
      </div>
    );
  }

  const forks = framework.steps.filter((s) => isFork(framework.transitions, s.id));
  const published = framework.version.publishedAt?.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="max-w-3xl">
          <p className="text-sm font-medium text-path">
            Version {framework.version.number}
            {published && <span className="text-stone-500"> · published {published}</span>}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-stone-950 sm:text-3xl">{framework.framework.name}</h1>
          {framework.framework.description && (
            <p className="mt-2 leading-relaxed text-stone-700">{framework.framework.description}</p>
          )}
        </div>
        <dl className="flex shrink-0 gap-6 text-sm">
          <div>
            <dt className="text-stone-600">Steps</dt>
            <dd className="text-xl font-semibold">{framework.steps.length}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Dimensions</dt>
            <dd className="text-xl font-semibold">{framework.dimensions.length}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Forks</dt>
            <dd className="text-xl font-semibold">{forks.length}</dd>
          </div>
        </dl>
      </div>
      <div className="hidden md:block">
        <PathOverview steps={framework.steps} transitions={framework.transitions} />
      </div>
      <section aria-labelledby="matrix-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="matrix-heading" className="text-lg font-semibold">
            Steps and what each expects
          </h2>
          <p className="text-sm text-stone-600">
            Read down for the path; a line that leaves the main line is a fork, and a line that rejoins it meets the path again.
          </p>
        </div>
        <PathMatrix framework={framework} evidence={evidence} current={evidence && now ? { stepId: now.step.id, label: "Your step now" } : undefined} />
      </section>
    </div>
  );
}
