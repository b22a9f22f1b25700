import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DraftEditor } from "@/components/framework-editor/draft-editor";
import { OpenDraftForm } from "@/components/framework-editor/open-draft-form";
import { PageHeader } from "@/components/ui/page-header";
import { canManageFrameworks } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { getDraftEditor } from "@/lib/data/framework-drafts";
import { NotFoundError } from "@/lib/errors";
import { longDate } from "@/lib/dates";
import { discardDraftAction, openDraftAction, publishDraftAction, saveDraftAction } from "./actions";

export const metadata: Metadata = { title: "Framework draft" };

export default async function FrameworkDraftPage({ params }: PageProps<"/frameworks/[key]/draft">) {
  await connection();
  const viewer = await requireViewer();
  if (!canManageFrameworks(viewer)) notFound();
  const { key } = await params;
  const editor = await getDraftEditor(viewer, key).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const { framework, draft, latestPublished } = editor;

  if (!draft) {
    return (
      <div className="space-y-6">
        <PageHeader
          title={`Edit ${framework.name}`}
          description="Changes to a framework are made in a draft. People keep reading the published version until the draft is published as the next one."
        />
        <div className="max-w-2xl space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          {latestPublished ? (
            <>
              <p className="text-stone-800">
                There is no draft of {framework.name} yet. A new draft starts as a copy of version {latestPublished}, the one published now.
              </p>
              <OpenDraftForm frameworkKey={framework.key} action={openDraftAction} />
            </>
          ) : (
            <p className="text-stone-800">
              {framework.name} has no published version to start a draft from.{" "}
              <Link href="/frameworks/import" className="text-path underline">
                Import a framework file
              </Link>{" "}
              instead.
            </p>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${framework.name}: draft of version ${draft.number}`}
        description={
          <>
            Edits save as you go. People keep reading {latestPublished ? `version ${latestPublished}` : "nothing"} until you publish this draft
            {latestPublished ? ` (started from version ${latestPublished}; last saved ${longDate(draft.updatedAt)})` : ""}.
          </>
        }
        actions={
          latestPublished ? (
            <Link href={`/frameworks/${framework.key}/diff?from=${latestPublished}&to=${draft.number}`} className="inline-flex items-center rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50">
              Compare with version {latestPublished}
            </Link>
          ) : undefined
        }
      />
      <DraftEditor
        framework={framework}
        versionId={draft.versionId}
        number={draft.number}
        revision={draft.revision}
        initial={draft.content}
        latestPublished={latestPublished}
        save={saveDraftAction}
        publish={publishDraftAction}
        discard={discardDraftAction}
      />
    </div>
  );
}
