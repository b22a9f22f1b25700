import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FrameworkVersionView } from "@/lib/data/frameworks";
import { PathMatrix } from "./path-matrix";

/** A framework version as the matrix receives it, with `dims` dimensions in the given groups and `steps` steps. */
function version(opts: { groups: (string | null)[]; steps: number; cellText?: (step: number, dim: number) => string | null }): FrameworkVersionView {
  const dimensions = opts.groups.map((group, i) => ({ id: `d${i}`, key: `d${i}`, name: `Dimension ${i}`, description: "", group }));
  const steps = Array.from({ length: opts.steps }, (_, i) => ({ id: `s${i}`, key: `s${i}`, name: `Step ${i}`, summary: "", timeframeMinMonths: null, timeframeMaxMonths: null }));
  const text = opts.cellText ?? ((s, d) => `Step ${s} in dimension ${d}.`);
  return {
    framework: { id: "f", key: "f", name: "Framework", description: "" },
    version: { id: "v", number: 1, status: "published", publishedAt: null },
    dimensions,
    steps,
    transitions: steps.slice(1).map((s, i) => ({ fromStepId: steps[i]!.id, toStepId: s.id, label: "" })),
    cells: steps.flatMap((s, si) =>
      dimensions.flatMap((d, di) => {
        const summary = text(si, di);
        return summary === null ? [] : [{ id: `c${si}-${di}`, stepId: s.id, dimensionId: d.id, summary, expectations: [] }];
      }),
    ),
  };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("PathMatrix", () => {
  it("has one header row and no pillars when dimensions have no group, and spans the page", () => {
    const html = renderToString(<PathMatrix framework={version({ groups: [null, null, null], steps: 8 })} />);
    expect(html).toContain('aria-rowcount="9"');
    expect(html).toContain('aria-colcount="4"');
    expect(count(html, /role="columnheader"/g)).toBe(4);
    expect(html).not.toContain("Pillar");
    expect(html).not.toContain("tabindex");
    expect(html).not.toContain("md:overflow-auto");
  });

  it("heads grouped dimensions with a row of pillars, each spanning its columns", () => {
    const groups = ["People", "People", "People", "People", "Delivery", "Delivery", "Delivery", "Delivery", "Strategy", "Strategy", "Strategy", "Strategy", "Craft", "Craft", "Craft", "Craft"];
    const html = renderToString(<PathMatrix framework={version({ groups, steps: 14 })} />);
    expect(html).toContain('aria-rowcount="16"');
    expect(html).toContain('aria-colcount="17"');
    expect(html).toContain('aria-rowindex="1"');
    expect(html).toContain('aria-rowindex="16"');
    expect(count(html, /aria-colspan="4"/g)).toBe(4);
    expect(html).toMatch(/aria-colindex="2" aria-colspan="4"[^>]*>.*?People/);
    expect(html).toMatch(/aria-colindex="6" aria-colspan="4"[^>]*>.*?Delivery/);
    expect(html).toMatch(/aria-colindex="14" aria-colspan="4"[^>]*>.*?Craft/);
    // One pillar row and one dimension row of headers: the corner, four pillars, the step and sixteen dimensions.
    expect(count(html, /role="columnheader"/g)).toBe(1 + 4 + 1 + 16);
  });

  it("scrolls a wide matrix in its own box, reachable from the keyboard, with the step column held at the left", () => {
    const html = renderToString(<PathMatrix framework={version({ groups: Array(16).fill("People"), steps: 3 })} />);
    expect(html).toContain('tabindex="0"');
    expect(html).toContain("md:overflow-auto");
    expect(html).toContain("--col-min:15rem");
    expect(html).toMatch(/role="rowheader" class="[^"]*md:sticky/);
  });

  it("says where a dimension has not started yet", () => {
    const html = renderToString(<PathMatrix framework={version({ groups: [null, null], steps: 3, cellText: (s, d) => (d === 1 && s < 2 ? null : "Expected.") })} />);
    expect(count(html, /Not expected at this step\./g)).toBe(2);
  });

  it("shows hostile text as text, and lets long words wrap anywhere", () => {
    const hostile = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', `${"x".repeat(600)}`, "\u202Etxet lufelihw\u202C مرحبا بالعالم", "🧭🌱👩🏽‍💻"];
    const html = renderToString(<PathMatrix framework={version({ groups: ["<b>Pillar</b>", null], steps: 2, cellText: (s, d) => hostile[(s * 2 + d) % hostile.length]! })} />);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Pillar&lt;/b&gt;");
    expect(html).toContain("مرحبا بالعالم");
    expect(html).toMatch(/role="table"[^>]*class="[^"]*wrap-anywhere/);
  });
});
