import { describe, expect, it } from "vitest";
import { hostileEvidenceBodies, hostileRationales, honestMarkdown } from "@/test/hostile-markdown";
import { MARKDOWN_LIMITS, plainTextReason, treeDeeperThan } from "./markdown";

describe("plainTextReason", () => {
  it("lets honest Markdown through", () => {
    expect(plainTextReason(honestMarkdown)).toBeNull();
    expect(plainTextReason("")).toBeNull();
    expect(plainTextReason("snake_case_names_everywhere ".repeat(500))).toBeNull();
    expect(plainTextReason(`${"> ".repeat(MARKDOWN_LIMITS.lineNesting)}x`)).toBeNull();
  });

  it("turns away every hostile payload before it is parsed", () => {
    for (const text of [...Object.values(hostileRationales), ...Object.values(hostileEvidenceBodies)]) {
      expect(plainTextReason(text), text.slice(0, 40)).not.toBeNull();
    }
  });

  it("names the bound a text passes", () => {
    expect(plainTextReason("x".repeat(MARKDOWN_LIMITS.chars + 1))).toBe("too-long");
    expect(plainTextReason("x\n".repeat(MARKDOWN_LIMITS.lines))).toBe("too-many-lines");
    expect(plainTextReason(`${">".repeat(MARKDOWN_LIMITS.lineNesting + 1)}x`)).toBe("too-deeply-nested");
    expect(plainTextReason(`${"1. ".repeat(MARKDOWN_LIMITS.lineNesting + 1)}x`)).toBe("too-deeply-nested");
    expect(plainTextReason("- item\n".repeat(MARKDOWN_LIMITS.containerMarkers + 1))).toBe("too-many-list-items");
    expect(plainTextReason("*a* ".repeat(MARKDOWN_LIMITS.emphasisRuns / 2 + 1))).toBe("too-much-emphasis");
  });
});

describe("treeDeeperThan", () => {
  const chain = (depth: number) => {
    const root: { children?: object[] } = {};
    let node = root;
    for (let i = 0; i < depth; i++) {
      const child = {};
      node.children = [child];
      node = child;
    }
    return root;
  };

  it("measures depth below the root without recursing", () => {
    expect(treeDeeperThan(chain(3), 3)).toBe(false);
    expect(treeDeeperThan(chain(4), 3)).toBe(true);
    expect(treeDeeperThan(chain(100_000), 32)).toBe(true);
  });
});
