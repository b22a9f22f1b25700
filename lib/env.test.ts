import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "./env";

describe("readEnv", () => {
  it("runs the embedded demo with no settings at all", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ databaseUrl: undefined, dataDir: path.resolve(".data"), seedDemo: undefined });
    expect(env.auth).toMatchObject({ secret: undefined, github: null, google: null, oidc: null });
  });

  it("treats an empty variable as unset", () => {
    expect(readEnv({ DATABASE_URL: "", AUTH_SECRET: "  ", WAYMARK_DATA_DIR: "" }).databaseUrl).toBeUndefined();
  });

  it("switches an outside provider on only when all its settings are there", () => {
    expect(readEnv({ AUTH_GITHUB_ID: "id" }).auth.github).toBeNull();
    expect(readEnv({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" }).auth.github).toEqual({ id: "id", secret: "s" });
    expect(readEnv({ AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "s" }).auth.oidc).toMatchObject({
      name: "Single sign-on",
    });
  });

  it("counts statements only when asked to", () => {
    expect(readEnv({}).countStatements).toBe(false);
    expect(readEnv({ WAYMARK_COUNT_STATEMENTS: "0" }).countStatements).toBe(false);
    expect(readEnv({ WAYMARK_COUNT_STATEMENTS: "1" }).countStatements).toBe(true);
    expect(() => readEnv({ WAYMARK_COUNT_STATEMENTS: "yes" })).toThrow(ConfigError);
  });

  it("names the setting that is wrong", () => {
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(new ConfigError("The setting AUTH_SECRET is not valid: use at least 32 characters."));
    expect(() => readEnv({ WAYMARK_SEED_DEMO: "maybe" })).toThrow(ConfigError);
  });
});
