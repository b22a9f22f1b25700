import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// @node-rs/argon2's Algorithm.Argon2id; the const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Checked against when no account matches, so that "no such person" costs as long as "wrong password".
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("no account has this password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
