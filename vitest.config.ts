import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: [
    { find: /^@\//, replacement: `${root}/` },
    // The real package throws outside React Server Components; tests import server modules directly.
    { find: /^server-only$/, replacement: path.join(root, "test", "server-only-stub.ts") },
  ],
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "db/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["**/node_modules/**", "e2e/**"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: more workers only make each PGlite start slower.
          maxWorkers: 2,
        },
      },
    ],
  },
});
