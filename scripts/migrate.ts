// `npm run db:migrate`: apply pending migrations to the configured database and stop.
import { databaseConfigFrom, openDatabase } from "../db/client";
import { runCommand } from "../db/command";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../lib/env";

await runCommand("migrate", async () => {
  const handle = await openDatabase(databaseConfigFrom(readEnv()));
  try {
    await migrateDatabase(handle);
    console.log(`Waymark: migrations applied to ${handle.location}.`);
  } finally {
    await handle.close();
  }
});
