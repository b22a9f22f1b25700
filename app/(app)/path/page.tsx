import type { Metadata, Route } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FrameworkSwitcher } from "@/components/path-matrix/framework-switcher";
import { PathMatrix, WIDE_MATRIX_DIMENSIONS } from "@/components/path-matrix/path-matrix";
import { PathOverview } from "@/components/path-matrix/path-overview";
import { PillarFocus } from "@/components/path-matrix/pillar-focus";
import { requireViewer } from "@/lib/auth/session";
import { countEvidenceByCell } from "@/lib/data/evidence";
import { getPathView } from "@/lib/data/frameworks";
import { isFork } from "@/lib/framework/path-graph";
import { parsePathQuery, pathHref } from "@/lib/framework/path-query";
import { focusPillar, pillarLabel } from "@/lib/framework/pillars";
import { Day } from "@/components/ui/day";

export const metadata: Metadata = { title: "Career path" };

const MATRIX = "matrix";

export default async function PathPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const viewer = await requireViewer();
  const query = parsePathQuery(await searchParams);
  const view = await getPathView(viewer, { frameworkKey: query.framework });

  if (view.kind === "empty") {
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <h1 className="text-2xl font-semibold">No career path yet</h1>
        <p className="mt-2 text-stone-600">An admin publishes the first version of the framework, and it appears here.</p>
      </div>
    );
  }

  const switcher = view.frameworks.length > 1 && (
    <FrameworkSwitcher frameworks={view.frameworks} shown={view.kind === "shown" ? view.framework.framework.key : null} own={view.own?.frameworkKey ?? null} />
  );

  if (view.kind === "unknown") {
    return (
      <div className="space-y-6">
        {switcher}
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold tracking-tight text-stone-950">No such framework</h1>
          <p className="mt-2 leading-relaxed text-stone-700 wrap-anywhere">
            No published framework has the key “{view.key}”.{" "}
            <Link href={"/path" as Route} className="font-medium text-path hover:underline">
              Show {view.own ? "your framework" : "the career path"}
            </Link>
            {view.frameworks.length > 1 && " or choose one above"}.
          </p>
        </div>
      </div>
    );
  }

  const { framework, own } = view;
  const isOwn = own?.frameworkKey === framework.framework.key;
  // Evidence counts and the "your step" mark belong to the version the viewer is placed on: their evidence links to its cells.
  const evidenceCounts = own && own.versionId === framework.version.id ? await countEvidenceByCell(viewer, viewer.id) : undefined;
  const evidence = evidenceCounts && { counts: Object.fromEntries(evidenceCounts), personId: viewer.id, own: true };
  const focus = focusPillar(framework.dimensions, query.pillar);
  const shown = focus.focused ? { ...framework, dimensions: focus.dimensions } : framework;

  const forks = framework.steps.filter((s) => isFork(framework.transitions, s.id));
  const published = framework.version.publishedAt;

  return (
    <div className="space-y-6">
      {switcher}
      {own && !isOwn && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm leading-relaxed text-amber-950 wrap-anywhere">
          You are placed on <strong>{own.frameworkName}</strong>; this is <strong>{framework.framework.name}</strong>, for looking ahead. Your step and your
          evidence show on{" "}
          <Link href={pathHref({ framework: own.frameworkKey }) as Route} className="font-medium underline">
            {own.frameworkName}
          </Link>
          .
        </p>
      )}
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="min-w-0 max-w-3xl">
          <p className="text-sm font-medium text-path">
            Version {framework.version.number}
            {published && <span className="text-stone-500"> · published <Day value={published} /></span>}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-stone-950 wrap-anywhere sm:text-3xl">{framework.framework.name}</h1>
          {framework.framework.description && <p className="mt-2 leading-relaxed text-stone-700 wrap-anywhere">{framework.framework.description}</p>}
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
          {focus.pillars.length > 0 && (
            <div>
              <dt className="text-stone-600">Pillars</dt>
              <dd className="text-xl font-semibold">{focus.pillars.length}</dd>
            </div>
          )}
          <div>
            <dt className="text-stone-600">Forks</dt>
            <dd className="text-xl font-semibold">{forks.length}</dd>
          </div>
        </dl>
      </div>
      <div className="hidden md:block">
        <PathOverview steps={framework.steps} transitions={framework.transitions} />
      </div>
      <section id={MATRIX} aria-labelledby="matrix-heading" className="scroll-mt-4 space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="matrix-heading" className="text-lg font-semibold">
            Steps and what each expects
          </h2>
          <p className="text-sm text-stone-600">
            Read down for the path; a line that leaves the main line is a fork, and a line that rejoins it meets the path again.
          </p>
        </div>
        {focus.pillars.length > 1 && <PillarFocus framework={framework.framework.key} pillars={focus.pillars} focused={focus.focused?.key ?? null} anchor={MATRIX} />}
        {shown.dimensions.length >= WIDE_MATRIX_DIMENSIONS && (
          <p className="hidden text-sm text-stone-600 md:block">
            {shown.dimensions.length} dimensions: scroll the matrix sideways{focus.pillars.length > 1 ? ", or focus on one pillar" : ""}. The steps stay at the left.
          </p>
        )}
        {focus.unknown && focus.pillars.length > 0 && (
          <p className="text-sm text-stone-600 wrap-anywhere">
            No pillar has the key “{query.pillar}”; every pillar is shown.
          </p>
        )}
        <PathMatrix
          framework={shown}
          evidence={evidence}
          current={evidence && own ? { stepId: own.stepId, label: "Your step now" } : undefined}
          label={focus.focused ? `${framework.framework.name}: steps by dimension, ${pillarLabel(focus.focused)} pillar only` : undefined}
        />
      </section>
    </div>
  );
}
