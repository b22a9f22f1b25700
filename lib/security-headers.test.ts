import { describe, expect, it } from "vitest";
import { readEnv } from "./env";
import { contentSecurityPolicy, outsideSignInOrigins } from "./security-headers";

const formAction = (csp: string) => csp.split("; ").find((d) => d.startsWith("form-action"));

describe("contentSecurityPolicy", () => {
  it("lets forms post only here when no outside provider is on", () => {
    expect(formAction(contentSecurityPolicy("n", { dev: false, formTargets: outsideSignInOrigins(readEnv({}).auth) }))).toBe("form-action 'self'");
  });

  it("lets a sign-in post be redirected to the providers that are on, by origin", () => {
    const env = readEnv({
      AUTH_OIDC_ISSUER: "https://login.microsoftonline.com/0b1f3c4e/v2.0",
      AUTH_OIDC_ID: "id",
      AUTH_OIDC_SECRET: "s",
      AUTH_GOOGLE_ID: "id",
      AUTH_GOOGLE_SECRET: "s",
    });
    expect(formAction(contentSecurityPolicy("n", { dev: false, formTargets: outsideSignInOrigins(env.auth) }))).toBe(
      "form-action 'self' https://login.microsoftonline.com https://accounts.google.com",
    );
  });
});
