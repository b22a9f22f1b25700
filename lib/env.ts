import path from "node:path";
import { z } from "zod";

/**
 * Every setting Waymark reads from the environment, validated in one place. Defaults make the
 * embedded demo work with no configuration at all.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server; without it Waymark runs on an embedded database in WAYMARK_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  WAYMARK_DATA_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : ".data")),
  /**
   * Load the demo organisation into an empty database (the default framework is always loaded).
   * Unset: yes on the embedded database, no on a PostgreSQL server.
   */
  WAYMARK_SEED_DEMO: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  /** Signs session cookies. Required on a server database in production; the embedded mode makes and keeps its own. */
  AUTH_SECRET: z.string().trim().min(32, "use at least 32 characters").optional(),
  /** The address people use, e.g. https://waymark.example.com. */
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
  /**
   * How many proxies in front of Waymark append to X-Forwarded-For. The client's address for sign-in
   * limits is the entry that many places from the right; anything further left is the client's own say.
   */
  WAYMARK_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /**
   * Count the statements sent to the database, read by the benchmark through /api/health?statements.
   * Off unless set: a measuring aid, not a production setting.
   */
  WAYMARK_COUNT_STATEMENTS: z.enum(["true", "false", "1", "0"]).optional(),
  AUTH_GITHUB_ID: z.string().trim().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().trim().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().trim().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().trim().min(1).optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().trim().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().trim().min(1).optional(),
  AUTH_OIDC_NAME: z.string().trim().min(1).max(60).optional(),
});

export type OAuthProviderSettings = { id: string; secret: string };

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean | undefined;
  trustedProxyHops: number;
  countStatements: boolean;
  auth: {
    secret: string | undefined;
    url: string | undefined;
    trustHost: boolean | undefined;
    github: OAuthProviderSettings | null;
    google: OAuthProviderSettings | null;
    oidc: (OAuthProviderSettings & { issuer: string; name: string }) | null;
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means unset, as in most shells' habit of `VAR= command`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`The setting ${issue.path.join(".")} is not valid: ${issue.message}.`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.WAYMARK_DATA_DIR),
    seedDemo: e.WAYMARK_SEED_DEMO,
    trustedProxyHops: e.WAYMARK_TRUSTED_PROXY_HOPS,
    countStatements: e.WAYMARK_COUNT_STATEMENTS === "true" || e.WAYMARK_COUNT_STATEMENTS === "1",
    auth: {
      secret: e.AUTH_SECRET,
      url: e.AUTH_URL,
      trustHost: e.AUTH_TRUST_HOST === undefined ? undefined : e.AUTH_TRUST_HOST === "true" || e.AUTH_TRUST_HOST === "1",
      // A provider is on only when all of its settings are present.
      github: e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? { id: e.AUTH_GITHUB_ID, secret: e.AUTH_GITHUB_SECRET } : null,
      google: e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? { id: e.AUTH_GOOGLE_ID, secret: e.AUTH_GOOGLE_SECRET } : null,
      oidc:
        e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET
          ? { issuer: e.AUTH_OIDC_ISSUER, id: e.AUTH_OIDC_ID, secret: e.AUTH_OIDC_SECRET, name: e.AUTH_OIDC_NAME ?? "Single sign-on" }
          : null,
    },
  };
}
