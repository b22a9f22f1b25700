import { formatCount } from "@/lib/paging";

/**
 * What a list made of its address, said rather than guessed silently: a search cut to its longest,
 * parameters left out for want of a valid value, and a page out of range brought to the nearest.
 */
export function ViewNotes({
  testId,
  searchCut,
  searchMax,
  ignored,
  page,
  pages,
  pageMoved,
}: {
  testId: string;
  searchCut: boolean;
  searchMax: number;
  /** The names of the parameters left out, in words. */
  ignored: string[];
  page: number;
  pages: number;
  pageMoved: boolean;
}) {
  if (!searchCut && ignored.length === 0 && !pageMoved) return null;
  return (
    <div role="status" data-testid={testId} className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {searchCut && (
        <p>
          The search was longer than {searchMax} characters: only its first {searchMax} are searched for.
        </p>
      )}
      {ignored.length > 0 && <p>Left out of this view, as the address gave no valid value for them: {ignored.join(", ")}.</p>}
      {pageMoved && (
        <p>
          There {pages === 1 ? "is only 1 page" : `are only ${formatCount(pages)} pages`}: showing page {formatCount(page)}.
        </p>
      )}
    </div>
  );
}
