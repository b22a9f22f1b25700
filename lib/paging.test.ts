import { describe, expect, it } from "vitest";
import { clampPage, formatCount, pageWindow, showingText } from "./paging";

describe("clampPage", () => {
  it("keeps a page within the pages there are, and an empty list on its page 1", () => {
    expect(clampPage(3, 2003, 50)).toEqual({ page: 3, pages: 41 });
    expect(clampPage(0, 2003, 50)).toEqual({ page: 1, pages: 41 });
    expect(clampPage(-5, 2003, 50)).toEqual({ page: 1, pages: 41 });
    expect(clampPage(1e9, 2003, 50)).toEqual({ page: 41, pages: 41 });
    expect(clampPage(Number.MAX_SAFE_INTEGER, 100, 50)).toEqual({ page: 2, pages: 2 });
    expect(clampPage(NaN, 10, 50)).toEqual({ page: 1, pages: 1 });
    expect(clampPage(4, 0, 50)).toEqual({ page: 1, pages: 1 });
  });
});

describe("pageWindow", () => {
  it("links the first, the last and two either side of the current page, with gaps between", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 41)).toEqual([1, 2, 3, null, 41]);
    expect(pageWindow(20, 41)).toEqual([1, null, 18, 19, 20, 21, 22, null, 41]);
    expect(pageWindow(41, 41)).toEqual([1, null, 39, 40, 41]);
    // A gap of one page is the page itself, not an ellipsis.
    expect(pageWindow(5, 41)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 41]);
  });
});

describe("showingText", () => {
  it("says which rows the page holds", () => {
    expect(showingText({ page: 3, total: 2003, pageSize: 50 })).toBe("Showing 101–150 of 2,003");
    expect(showingText({ page: 41, total: 2003, pageSize: 50 })).toBe("Showing 2,001–2,003 of 2,003");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
