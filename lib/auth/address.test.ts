import { describe, expect, it } from "vitest";
import { clientAddress } from "./address";

describe("clientAddress", () => {
  it("takes the address our proxy saw, not what the client wrote before it", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("counts several trusted proxies from the right", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("copes with a missing or short header", () => {
    expect(clientAddress(null, 1)).toBe("unknown");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });
});
