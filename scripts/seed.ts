// `npm run db:seed`: migrate, then load the default framework (and the demo organisation on the
// embedded database) if the database is empty. A database with data in it is left alone.
import { databaseConfigFrom, openDatabase } from "../db/client";
import { runCommand } from "../db/command";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { readEnv } from "../lib/env";

await runCommand("seed", async () => {
  const env = readEnv();
  const handle = await openDatabase(databaseConfigFrom(env));
  try {
    await migrateDatabase(handle);
    const result = await seedDatabase(handle, { demo: env.seedDemo ?? handle.kind === "pglite" });
    console.log(
      result.seeded
        ? `Waymark: seeded ${handle.location} with the default framework${result.people ? ` and ${result.people} demo people` : ""}.`
        : `Waymark: ${handle.location} already holds data; nothing was seeded.`,
    );
  } finally {
    await handle.close();
  }
});
