import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeError, StartupError } from "@/db/errors";
import type { Env } from "@/lib/env";

export type AuthSettings = { secret: string; trustHost: boolean; secureCookies: boolean };

export const SECRET_FILE = "auth-secret";

/**
 * The secret that signs session cookies, and whether to trust the Host header. On the embedded
 * database a secret is made once and kept in the data folder, so the demo needs no setting. On a
 * server database in production every instance must share one secret: AUTH_SECRET is required.
 */
export function resolveAuthSettings(env: Env): AuthSettings {
  const embedded = !env.databaseUrl;
  const secureCookies = env.auth.url?.startsWith("https://") ?? false;
  let secret = env.auth.secret;
  if (!secret && embedded) secret = readOrCreateSecret(env.dataDir);
  if (!secret) {
    if (env.nodeEnv === "production") {
      throw new StartupError(
        "AUTH_SECRET is not set; every Waymark instance on a server database must sign sessions with the same secret (for example the output of `openssl rand -base64 32`).",
      );
    }
    secret = crypto.randomBytes(32).toString("base64url");
  }
  const trustHost = env.auth.trustHost ?? (embedded || env.nodeEnv !== "production");
  if (!trustHost && !env.auth.url) {
    throw new StartupError(
      "Set AUTH_URL to the address people use (e.g. https://waymark.example.com), or AUTH_TRUST_HOST=true behind a proxy that sets the Host header.",
    );
  }
  return { secret, trustHost, secureCookies };
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    return readOrCreate(file, dataDir);
  } catch (err) {
    throw new StartupError(`The sign-in secret ${file} cannot be read or written (${describeError(err)}).`);
  }
}

function readOrCreate(file: string, dataDir: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    // Another process wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw err;
  }
}
