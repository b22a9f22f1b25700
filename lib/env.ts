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
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean | undefined;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
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
  };
}
