import { isoDate, longDate } from "@/lib/dates";

/** A date in the one format people read on every page, "25 May 2024", machine-readable underneath. */
export function Day({ value }: { value: Date | string }) {
  const iso = typeof value === "string" ? value.slice(0, 10) : isoDate(value);
  return <time dateTime={iso}>{longDate(value)}</time>;
}
