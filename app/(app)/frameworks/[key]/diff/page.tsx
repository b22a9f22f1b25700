import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ChangeBadge, changeKinds } from "@/components/framework-diff/change-badge";
import { WordDiff, WordDiffLegend } from "@/components/framework-diff/word-diff";
import { inputClass } from "@/components/ui/form";
import { buttonLinkClass } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/session";
import { getVersionDiff, listFrameworkVersions, type VersionSummary } from "@/lib/data/framework-versions";
import { longDate } from "@/lib/dates";
import { isEmptyDiff, pickVersionPair, type ItemChange, type VersionDiff } from "@/lib/framework/diff";
import { formatTimeframe } from "@/lib/framework/timeframe";

export const metadata: Metadata = { title: "What changed between versions" };

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function VersionDiffPage({ params, searchParams }: Props) {
  await connection();
  const viewer = await requireViewer();
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const history = (await listFrameworkVersions(viewer)).find((f) => f.key === key);
  if (!history) notFound();

  const pair = pickVersionPair(
    history.versions.map((v) => v.number),
    query,
  );
  if (!pair) {
    return (
      <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
        <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">{history.name}</h1>
        <p className="text-stone-700">There is only one version of this framework so far: nothing to compare it with yet.</p>
        <Link href="/frameworks" className={buttonLinkClass}>
          All frameworks
        </Link>
      </div>
    );
  }
  const { framework, from, to, diff } = await getVersionDiff(viewer, key, pair.from, pair.to);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/frameworks" className="font-medium text-path hover:underline">
            Frameworks
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-950 [overflow-wrap:anywhere]">
          {framework.name}: version {from.number} to version {to.number}
        </h1>
        <div className="grid gap-2 text-sm sm:grid-cols-2">
          <VersionFacts label="From" version={from} />
          <VersionFacts label="To" version={to} />
        </div>
      </div>

      {pair.fellBack && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Those versions cannot be compared (they do not exist, are the same version or are not yours to read), so this shows the latest two.
        </p>
      )}

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
        {(["from", "to"] as const).map((end) => (
          <div key={end} className="space-y-1">
            <label htmlFor={`version-${end}`} className="block text-sm font-medium">
              {end === "from" ? "From version" : "To version"}
            </label>
            <select id={`version-${end}`} name={end} defaultValue={String(end === "from" ? from.number : to.number)} className={inputClass}>
              {history.versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                  {v.status !== "published" ? ` (${v.status})` : ""}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
          Compare
        </button>
      </form>

      <Summary diff={diff} />
      <WordDiffLegend />

      {isEmptyDiff(diff) ? (
        <p className="text-stone-700">These two versions are the same.</p>
      ) : (
        <>
          {(diff.framework.renamed || diff.framework.descriptionText) && (
            <DiffSection id="framework" title="The framework">
              <Item title={diff.framework.after} kinds={diff.framework.renamed ? ["renamed"] : ["changed"]}>
                {diff.framework.renamed && <Was text={diff.framework.before} />}
                {diff.framework.descriptionText && <Field label="Description" parts={diff.framework.descriptionText} />}
              </Item>
            </DiffSection>
          )}
          <DiffSection id="steps" title="Steps" note={diff.reordered.steps ? "The steps are listed in a new order." : undefined} empty={diff.steps.length === 0}>
            {diff.steps.map((s) => (
              <Item key={s.key} title={named(s)} kinds={changeKinds(s)}>
                {s.renamed && <Was text={s.before!.name} />}
                {s.summaryText && <Field label="Summary" parts={s.summaryText} />}
                {s.changed.includes("timeframe") && (
                  <p className="text-sm text-stone-800">
                    Expected time: {formatTimeframe(s.before!.timeframeMinMonths, s.before!.timeframeMaxMonths) ?? "none"} →{" "}
                    {formatTimeframe(s.after!.timeframeMinMonths, s.after!.timeframeMaxMonths) ?? "none"}
                  </p>
                )}
              </Item>
            ))}
          </DiffSection>
          <DiffSection
            id="dimensions"
            title="Dimensions"
            note={diff.reordered.dimensions ? "The dimensions are listed in a new order." : undefined}
            empty={diff.dimensions.length === 0}
          >
            {diff.dimensions.map((d) => (
              <Item key={d.key} title={named(d)} kinds={changeKinds(d)}>
                {d.renamed && <Was text={d.before!.name} />}
                {d.descriptionText && <Field label="Description" parts={d.descriptionText} />}
                {d.changed.includes("group") && (
                  <p className="text-sm text-stone-800">
                    Group: {d.before!.group ?? "none"} → {d.after!.group ?? "none"}
                  </p>
                )}
              </Item>
            ))}
          </DiffSection>
          <DiffSection id="transitions" title="Transitions" empty={diff.transitions.length === 0}>
            {diff.transitions.map((t) => (
              <Item key={t.key} title={`${t.fromName} → ${t.toName}`} kinds={changeKinds(t)}>
                {t.changed.includes("label") ? (
                  <p className="text-sm text-stone-800 [overflow-wrap:anywhere]">
                    Label: {t.before!.label || "none"} → {t.after!.label || "none"}
                  </p>
                ) : (
                  (t.after ?? t.before)!.label && <p className="text-sm text-stone-700 [overflow-wrap:anywhere]">Label: {(t.after ?? t.before)!.label}</p>
                )}
              </Item>
            ))}
          </DiffSection>
          <DiffSection id="cells" title="Cells" empty={diff.cells.length === 0}>
            {diff.cells.map((c) => (
              <Item key={c.key} title={`${c.stepName} × ${c.dimensionName}`} kinds={changeKinds(c)}>
                <Field label={c.status === "kept" && !c.changed.includes("summary") ? "Summary (unchanged)" : "Summary"} parts={c.summaryText} />
                {(c.changed.includes("expectations") || (c.status !== "kept" && c.expectationsText.length > 0)) && (
                  <Field label="Expectations" parts={c.expectationsText} />
                )}
              </Item>
            ))}
          </DiffSection>
        </>
      )}
    </div>
  );
}

const named = (item: ItemChange<{ name: string }, string>) => (item.after ?? item.before)!.name;

function VersionFacts({ label, version }: { label: string; version: VersionSummary }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white px-3 py-2">
      <p className="font-medium text-stone-900">
        {label}: version {version.number}
        {version.status !== "published" && <span className="font-normal text-stone-600"> ({version.status})</span>}
      </p>
      <p className="text-stone-600">
        {version.publishedAt ? `Published ${longDate(version.publishedAt)}` : "Not published yet"}
        {version.publishedBy && ` by ${version.publishedBy}`}
      </p>
      {version.notes && <p className="mt-1 whitespace-pre-line text-stone-800 [overflow-wrap:anywhere]">{version.notes}</p>}
    </div>
  );
}

const SECTIONS = [
  ["steps", "Steps"],
  ["dimensions", "Dimensions"],
  ["transitions", "Transitions"],
  ["cells", "Cells"],
] as const;
const KINDS = ["added", "removed", "renamed", "changed"] as const;

function Summary({ diff }: { diff: VersionDiff }) {
  return (
    <section aria-labelledby="summary-heading" className="space-y-2">
      <h2 id="summary-heading" className="text-lg font-semibold text-stone-900">
        Summary
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {SECTIONS.map(([part, label]) => {
          const counts = KINDS.filter((k) => diff.counts[part][k] > 0).map((k) => `${diff.counts[part][k]} ${k}`);
          return (
            <li key={part} className="rounded-xl border border-stone-200 bg-white px-3 py-2 shadow-sm">
              <a href={`#${part}-heading`} className="font-medium text-path hover:underline">
                {label}
              </a>
              <p className="text-sm text-stone-700">{counts.length > 0 ? counts.join(", ") : "no changes"}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DiffSection({ id, title, note, empty = false, children }: { id: string; title: string; note?: string; empty?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {note && <p className="text-sm text-stone-700">{note}</p>}
      {empty ? <p className="text-sm text-stone-600">No {title.toLowerCase()} added, removed or changed.</p> : <ul className="space-y-3">{children}</ul>}
    </section>
  );
}

function Item({ title, kinds, children }: { title: string; kinds: readonly ("added" | "removed" | "renamed" | "changed")[]; children?: ReactNode }) {
  return (
    <li className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 dir="auto" className="min-w-0 font-semibold text-stone-900 [overflow-wrap:anywhere]">
          {title}
        </h3>
        {kinds.map((k) => (
          <ChangeBadge key={k} kind={k} />
        ))}
      </div>
      {children}
    </li>
  );
}

function Was({ text }: { text: string }) {
  return (
    <p dir="auto" className="text-sm text-stone-700 [overflow-wrap:anywhere]">
      Was called “{text}”.
    </p>
  );
}

function Field({ label, parts }: { label: string; parts: Parameters<typeof WordDiff>[0]["parts"] }) {
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{label}</p>
      <WordDiff parts={parts} />
    </div>
  );
}
