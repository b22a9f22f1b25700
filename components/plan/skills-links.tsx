import type { Route } from "next";
import Link from "next/link";

/**
 * Links from a growth plan to its skills inventory and direction pages, and the quarter's
 * narrative as a Markdown file: the engineer's own, or a person's (`base` = /people/<id>/plan).
 */
export function SkillsDirectionLinks({ base = "/plan" }: { base?: string }) {
  return (
    <nav aria-label="More of the plan" className="mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <Link href={`${base}/skills` as Route} className="font-medium text-path underline">
        Skills inventory
      </Link>
      <Link href={`${base}/direction` as Route} className="font-medium text-path underline">
        Direction and archetypes
      </Link>
      {/* A file, not a page: a plain link, so nothing prefetches it. */}
      <a href={`${base}/narrative.md`} download className="font-medium text-path underline">
        This quarter as Markdown
      </a>
    </nav>
  );
}
