// `npm run create-admin -- <email> "<name>"`: the first admin of a new organisation, with a one-time
// link to set their password. Refused once the organisation has an active admin.
import { databaseConfigFrom, openDatabase } from "../db/client";
import { runCommand } from "../db/command";
import { StartupError } from "../db/errors";
import { createFirstAdmin } from "../db/first-admin";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../lib/env";

await runCommand("create-admin", async () => {
  const [email, ...nameParts] = process.argv.slice(2);
  if (!email || nameParts.length === 0) throw new StartupError('usage: npm run create-admin -- <email> "<name>"');
  const env = readEnv();
  const handle = await openDatabase(databaseConfigFrom(env));
  try {
    await migrateDatabase(handle);
    const { token } = await createFirstAdmin(handle, { email, name: nameParts.join(" ") });
    const base = env.auth.url ?? `http://localhost:${process.env.PORT || 3000}`;
    console.log(`Waymark: ${email} is an admin. To choose a password (once, within 7 days), open:\n  ${new URL(`/set-password/${token}`, base)}`);
  } finally {
    await handle.close();
  }
});
