"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { SaveStatus } from "@/components/ui/save-status";
import { useAutosave, type SaveOutcome } from "@/components/hooks/use-autosave";
import { PathMatrix } from "@/components/path-matrix/path-matrix";
import type { FrameworkVersionView } from "@/lib/data/frameworks";
import { anchorOf, parseJsonPath, placeOf, publishProblems, type Draft, type DraftProblem } from "@/lib/framework/draft";
import type { FileProblem } from "@/lib/framework/format";
import { CellDialog } from "./cell-dialog";
import { DimensionsEditor, StepsEditor } from "./draft-parts";

type PublishResult =
  | { status: "published"; number: number }
  | { status: "refused"; problems: FileProblem[] }
  | { status: "error"; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

type Props = {
  framework: { key: string; name: string; description: string };
  versionId: string;
  number: number;
  revision: number;
  initial: Draft;
  latestPublished: number | null;
  save: (input: { versionId: string; revision: number; content: Draft }) => Promise<SaveOutcome>;
  publish: (input: { versionId: string; revision: number; note: string }) => Promise<PublishResult>;
  discard: (input: { versionId: string; revision: number }) => Promise<SaveOutcome>;
};

/** A whole draft a save may send, below the 2 MB a request the server takes (lib/request-limits.ts). */
const DRAFT_SAVE_LIMIT = 1_900_000;

/** The draft drawn as the matrix everyone reads: keys stand in for ids. */
function asVersionView(framework: Props["framework"], versionId: string, number: number, draft: Draft): FrameworkVersionView {
  return {
    framework: { id: framework.key, ...framework },
    version: { id: versionId, number, status: "draft", publishedAt: null },
    dimensions: draft.dimensions.map((d) => ({ id: d.key, ...d })),
    steps: draft.steps.map((s) => ({ id: s.key, ...s })),
    transitions: draft.transitions.map((t) => ({ fromStepId: t.from, toStepId: t.to, label: t.label })),
    cells: draft.cells.map((c) => ({ id: `${c.step}:${c.dimension}`, stepId: c.step, dimensionId: c.dimension, summary: c.summary, expectations: c.expectations })),
  };
}

/**
 * The framework editor: steps and the path between them, dimensions and their pillars, and the
 * matrix as people will read it, each cell edited in place. Every change is saved a moment later
 * on top of the revision last seen, so a second editor's save is never overwritten. What stops
 * publishing is listed as it appears, each problem linked to its place.
 */
export function DraftEditor(props: Props) {
  const { framework, versionId, number } = props;
  const router = useRouter();
  const { value: draft, change, status, flush, fail, discard: forget, currentRevision } = useAutosave<Draft>({
    storageKey: `waymark:framework-draft:${versionId}`,
    initial: props.initial,
    revision: props.revision,
    save: (content, revision) => {
      // The server takes at most 2 MB a request: say so rather than fail as if it were unreachable.
      const size = new Blob([JSON.stringify(content)]).size;
      if (size > DRAFT_SAVE_LIMIT) {
        const mb = (size / 1_000_000).toFixed(1);
        return Promise.resolve({ ok: false, message: `The draft is too large to save (${mb} MB; at most 1.9 MB). Shorten or remove cells; your changes are kept in this browser.`, conflict: false, fieldErrors: {} });
      }
      return props.save({ versionId, revision, content });
    },
  });
  const [editing, setEditing] = useState<{ step: string; dimension: string } | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [refused, setRefused] = useState<FileProblem[] | null>(null);
  const [busy, setBusy] = useState<"publishing" | "discarding" | null>(null);

  const problems = useMemo(() => publishProblems({ ...framework, ...draft }), [framework, draft]);
  const view = useMemo(() => asVersionView(framework, versionId, number, draft), [framework, versionId, number, draft]);
  const stopped = status.kind === "conflict";

  async function publish() {
    setRefused(null);
    setNoteError(null);
    if (!note.trim()) {
      setNoteError("Write a change note: people read it beside the version.");
      return;
    }
    setBusy("publishing");
    const saved = await flush();
    if (saved && !saved.ok) {
      setBusy(null);
      return;
    }
    const result = await props.publish({ versionId, revision: currentRevision(), note }).catch(
      (): PublishResult => ({ status: "error", message: "The server could not be reached. Try again in a moment.", conflict: false, fieldErrors: {} }),
    );
    setBusy(null);
    if (result.status === "published") {
      forget();
      router.push(props.latestPublished ? `/frameworks/${framework.key}/diff?from=${props.latestPublished}&to=${result.number}` : "/frameworks");
      return;
    }
    if (result.status === "refused") {
      setRefused(result.problems);
      document.getElementById("publish-refused")?.focus();
      return;
    }
    if (result.fieldErrors.note) setNoteError(result.fieldErrors.note.join(" "));
    else fail({ ok: false, message: result.message, conflict: result.conflict, fieldErrors: {} });
  }

  async function discardDraft() {
    if (!window.confirm(`Throw away the draft of version ${number}? The published versions stay as they are.`)) return;
    setBusy("discarding");
    const saved = await flush();
    const result = saved && !saved.ok ? saved : await props.discard({ versionId, revision: currentRevision() });
    setBusy(null);
    if (result.ok) {
      forget();
      router.push("/frameworks");
    } else fail(result);
  }

  const refusedAsProblems: DraftProblem[] | null =
    refused?.map((p) => {
      const path = parseJsonPath(p.at);
      return { path, at: p.at, where: "", message: p.message };
    }) ?? null;

  return (
    <div className="space-y-8">
      <div className="sticky top-0 z-30 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
        <SaveStatus status={status} />
        <div className="flex flex-wrap items-center gap-2">
          <a href="#draft-problems" className={`rounded-full px-2.5 py-1 text-xs font-semibold ${problems.length ? "bg-red-100 text-red-900" : "bg-emerald-100 text-emerald-900"}`}>
            {problems.length === 0 ? "Ready to publish" : `${problems.length} ${problems.length === 1 ? "problem" : "problems"} to fix`}
          </a>
          {stopped && (
            <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              Reload
            </button>
          )}
          <a href="#draft-publish" className="rounded-md bg-path px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-path/90">
            Publish…
          </a>
        </div>
      </div>

      <section id="draft-problems" aria-labelledby="draft-problems-heading" tabIndex={-1} className="space-y-2 scroll-mt-16">
        <h2 id="draft-problems-heading" className="text-lg font-semibold">
          Problems
        </h2>
        {problems.length === 0 ? (
          <p className="text-sm text-emerald-900">Nothing stops this draft from being published.</p>
        ) : (
          <>
            <p className="text-sm text-stone-600">A draft can be saved with these, but not published. Each links to its place.</p>
            <ProblemList draft={draft} problems={problems} testId="draft-problems" />
          </>
        )}
      </section>

      <StepsEditor draft={draft} change={change} disabled={stopped} />
      <DimensionsEditor draft={draft} change={change} disabled={stopped} />

      <section aria-labelledby="draft-matrix-heading" className="space-y-3">
        <div>
          <h2 id="draft-matrix-heading" className="text-lg font-semibold">
            The matrix as people will read it
          </h2>
          <p className="mt-1 text-sm text-stone-600">Each cell says what a step expects on a dimension. Edit a cell to change it; a cell left empty reads &ldquo;Not expected at this step&rdquo;.</p>
        </div>
        <PathMatrix
          framework={view}
          label={`Draft of ${framework.name}: steps by dimension`}
          pick={(step, dimension) => (
            <button
              type="button"
              id={`draft-cell-${step.id}-${dimension.id}`}
              disabled={stopped}
              onClick={() => setEditing({ step: step.id, dimension: dimension.id })}
              className="mt-2 rounded-md border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-60"
            >
              Edit cell<span className="sr-only"> {step.name} × {dimension.name}</span>
            </button>
          )}
        />
      </section>

      {editing && (
        <CellDialog
          draft={draft}
          step={editing.step}
          dimension={editing.dimension}
          onClose={() => {
            const target = document.getElementById(`draft-cell-${editing.step}-${editing.dimension}`);
            setEditing(null);
            target?.focus();
          }}
          onSave={(update) => change(update)}
        />
      )}

      <section id="draft-publish" aria-labelledby="draft-publish-heading" className="scroll-mt-16 space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="draft-publish-heading" className="text-lg font-semibold">
            Publish or discard
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-stone-600">
            Publishing freezes this draft as version {number}: everyone reads it from then on, and it never changes again. People stay placed on the version
            they are on until an admin moves them.
          </p>
        </div>
        {refusedAsProblems && (
          <div id="publish-refused" tabIndex={-1} role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
            <p className="text-sm font-medium text-red-900">Nothing was published: fix {refusedAsProblems.length === 1 ? "this problem" : `these ${refusedAsProblems.length} problems`} first.</p>
            <ProblemList draft={draft} problems={refusedAsProblems} testId="publish-problems" />
          </div>
        )}
        <div className="max-w-2xl space-y-1">
          <label htmlFor="draft-note" className="block text-sm font-medium text-stone-800">
            What changed in this version
          </label>
          <textarea
            id="draft-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
            aria-invalid={!!noteError}
            aria-describedby={noteError ? "draft-note-error" : "draft-note-hint"}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-path aria-[invalid=true]:border-red-500"
          />
          {noteError ? (
            <p id="draft-note-error" className="text-sm text-red-700">
              {noteError}
            </p>
          ) : (
            <p id="draft-note-hint" className="text-xs text-stone-600">
              Shown beside the version on the frameworks page, e.g. &ldquo;Adds a principal step on the technical branch.&rdquo;
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => void publish()}
            disabled={busy !== null || stopped}
            aria-busy={busy === "publishing"}
            className="rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90 disabled:opacity-60"
          >
            {busy === "publishing" ? "Publishing…" : `Publish version ${number}`}
          </button>
          <button
            type="button"
            onClick={() => void discardDraft()}
            disabled={busy !== null || stopped}
            aria-busy={busy === "discarding"}
            className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 shadow-sm hover:bg-red-50 disabled:opacity-60"
          >
            {busy === "discarding" ? "Discarding…" : "Discard this draft"}
          </button>
        </div>
      </section>
    </div>
  );
}

function ProblemList({ draft, problems, testId }: { draft: Draft; problems: DraftProblem[]; testId: string }) {
  return (
    <ul data-testid={testId} className="list-disc space-y-1 pl-5 text-sm marker:text-red-700">
      {problems.map((p, i) => {
        const anchor = anchorOf(draft, p.path);
        const where = p.where || placeOf(draft, p.path);
        const text = p.message.startsWith(`${where}: `) ? p.message.slice(where.length + 2) : p.message;
        return (
          <li key={`${p.at}-${i}`} className="text-red-900 [overflow-wrap:anywhere]">
              {anchor ? (
                <a href={`#${anchor}`} onClick={() => focusSoon(anchor)} className="font-medium underline">
                  {where}
                </a>
              ) : (
                <span className="font-medium">{where}</span>
              )}
              : {text}
          </li>
        );
      })}
    </ul>
  );
}

/** After the browser scrolls to a part, put the keyboard there too. */
function focusSoon(id: string) {
  setTimeout(() => {
    const target = document.getElementById(id);
    const control = target?.matches("input, textarea, select, button") ? target : target?.querySelector<HTMLElement>("input, textarea, select, button");
    control?.focus();
  }, 0);
}
