import type { AutosaveStatus } from "@/components/hooks/use-autosave";

/** Where an autosaved draft stands, read out politely to screen readers as it changes. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  return (
    <p role="status" aria-live="polite" data-testid="save-status" className="text-sm text-stone-700">
      {status.kind === "saved" && (status.at ? `Saved at ${status.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}` : "All changes saved")}
      {status.kind === "unsaved" && "Unsaved changes (kept in this browser)"}
      {status.kind === "saving" && "Saving…"}
      {status.kind === "error" && <span className="text-amber-800">{status.message}</span>}
      {status.kind === "conflict" && <span className="text-red-800">{status.message}</span>}
    </p>
  );
}
