import { ConfigError } from "@/lib/env";
import { StartupError } from "./errors";

/** Runs a database command-line task; a known problem ends it with one sentence and exit code 1. */
export async function runCommand(name: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (err) {
    if (err instanceof StartupError || err instanceof ConfigError) {
      console.error(`Waymark ${name} stopped: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
