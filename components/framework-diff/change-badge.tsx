export type ChangeKind = "added" | "removed" | "renamed" | "changed";

const STYLE: Record<ChangeKind, { label: string; mark: string; className: string }> = {
  added: { label: "Added", mark: "+", className: "border-emerald-300 bg-emerald-50 text-emerald-900" },
  removed: { label: "Removed", mark: "−", className: "border-red-300 bg-red-50 text-red-900" },
  renamed: { label: "Renamed", mark: "↻", className: "border-sky-300 bg-sky-50 text-sky-900" },
  changed: { label: "Changed", mark: "~", className: "border-amber-300 bg-amber-50 text-amber-900" },
};

/** What happened to an item between two versions, in words (the colour and sign only repeat them). */
export function ChangeBadge({ kind }: { kind: ChangeKind }) {
  const { label, mark, className } = STYLE[kind];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${className}`}>
      <span aria-hidden="true">{mark}</span>
      {label}
    </span>
  );
}

/** The badges of one item: added or removed, else renamed and/or changed. */
export function changeKinds(item: { status: "added" | "removed" | "kept"; renamed: boolean; changed: readonly string[] }): ChangeKind[] {
  if (item.status !== "kept") return [item.status];
  return [...(item.renamed ? (["renamed"] as const) : []), ...(item.changed.length > 0 ? (["changed"] as const) : [])];
}
