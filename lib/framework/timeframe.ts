/**
 * Expected time at a step, in months, as people say it: "6–12 months", "1–3 years", "2+ years".
 */

function unit(n: number, one: string, many: string) {
  return n === 1 ? one : many;
}

export function formatTimeframe(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  const inYears = [min, max].every((m) => m === null || m % 12 === 0) && (min ?? 0) + (max ?? 0) >= 24;
  const show = (m: number) => (inYears ? m / 12 : m);
  const [one, many] = inYears ? ["year", "years"] : ["month", "months"];

  if (min !== null && max !== null) {
    if (min === max) return `${show(min)} ${unit(show(min), one, many)}`;
    return `${show(min)}–${show(max)} ${many}`;
  }
  if (min !== null) return `${show(min)}+ ${many}`;
  return `up to ${show(max!)} ${unit(show(max!), one, many)}`;
}
