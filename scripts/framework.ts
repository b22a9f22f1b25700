// `npm run framework -- <command>`: frameworks as files, for teams that keep theirs in git.
//   list                                            every framework's versions, one line each, starting with its key
//   import FILE [--as KEY] [--name NAME] [--publish [--note TEXT]]
//                                                   a .json framework file or a .csv spreadsheet, as a draft (or published)
//   export KEY [--version N]                        a version as JSON on standard output (the latest published one by default)
//   schema [--write]                                the file format's JSON Schema (--write: into docs/framework.schema.json)
// Works on the configured database: DATABASE_URL, or the embedded one in WAYMARK_DATA_DIR, which a
// running server holds (stop it first). Changes are audited as made on the command line.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseConfigFrom, openDatabase, type DatabaseHandle } from "../db/client";
import { runCommand } from "../db/command";
import { StartupError } from "../db/errors";
import { exportVersion, findFrameworkVersion, importFrameworkFile, listFrameworkVersions } from "../db/framework-files";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../lib/env";
import { PublicError } from "../lib/errors";
import { describeProblem, FRAMEWORK_FILE_LIMITS, formatFrameworkFile, frameworkJsonSchema } from "../lib/framework/format";

const USAGE = `usage:
  npm run framework -- list
  npm run framework -- import FILE [--as KEY] [--name NAME] [--publish [--note TEXT]]
  npm run -s framework -- export KEY [--version N] > FILE.json
  npm run framework -- schema [--write]`;

const SCHEMA_FILE = path.join(import.meta.dirname, "..", "docs", "framework.schema.json");

async function withDatabase<T>(task: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseConfigFrom(readEnv()));
  try {
    await migrateDatabase(handle);
    return await task(handle);
  } catch (err) {
    // Not found, conflicts: one sentence, like every other refusal here.
    if (err instanceof PublicError) throw new StartupError(err.message);
    throw err;
  } finally {
    await handle.close();
  }
}

const dateOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

async function list() {
  const frameworks = await withDatabase((h) => listFrameworkVersions(h.db));
  if (frameworks.length === 0) console.error("No frameworks yet: start Waymark once to load the default one, or import a file.");
  const width = Math.max(0, ...frameworks.map((f) => f.key.length));
  for (const f of frameworks) {
    for (const v of f.versions) {
      console.log(`${f.key.padEnd(width)}  v${String(v.number).padEnd(3)} ${v.status.padEnd(9)}  ${dateOf(v.publishedAt)}  ${f.name}${v.notes ? ` — ${v.notes.split("\n")[0]}` : ""}`);
    }
  }
}

async function importFile(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: "string" }, name: { type: "string" }, publish: { type: "boolean" }, note: { type: "string" } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new StartupError(USAGE);
  if (values.note !== undefined && !values.publish) throw new StartupError("--note goes with --publish: an imported draft has no change note until it is published.");
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new StartupError(`Cannot read ${file}.`);
  }
  if (size > FRAMEWORK_FILE_LIMITS.bytes) throw new StartupError(`${file} is larger than ${FRAMEWORK_FILE_LIMITS.bytes / 1_000_000} MB; a framework file is far smaller.`);
  const kind = path.extname(file).toLowerCase() === ".csv" ? "csv" : "json";
  const text = fs.readFileSync(file, "utf8");
  const result = await withDatabase((h) =>
    importFrameworkFile(
      h.db,
      { id: null, via: "cli" },
      {
        text,
        kind,
        frameworkKey: values.as,
        // A spreadsheet names no framework: its file name does, unless --name says otherwise.
        name: values.name ?? (kind === "csv" ? path.basename(file, path.extname(file)) : undefined),
        publish: values.publish ? { note: values.note ?? "" } : undefined,
      },
    ),
  );
  if (!result.ok) {
    console.error(`${file} was not imported; nothing changed:`);
    for (const p of result.problems) console.error(`  ${describeProblem(p)}`);
    process.exit(1);
  }
  console.log(
    `${result.frameworkKey}: imported ${file} as version ${result.number}${result.created ? " of a new framework" : ""}, ${result.status === "draft" ? "a draft" : "published"}.`,
  );
}

async function exportFile(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { version: { type: "string" } } });
  const [key, ...extra] = positionals;
  if (!key || extra.length > 0) throw new StartupError(USAGE);
  if (values.version !== undefined && !/^[1-9]\d{0,8}$/.test(values.version)) throw new StartupError(`--version takes a version number, not "${values.version}".`);
  const number = values.version === undefined ? undefined : Number(values.version);
  const file = await withDatabase(async (h) => {
    const version = await findFrameworkVersion(h.db, key, number);
    if (!version) {
      throw new StartupError(number === undefined ? `The framework "${key}" has no published version (see npm run framework -- list).` : `The framework "${key}" has no version ${number}.`);
    }
    return exportVersion(h.db, version.id);
  });
  process.stdout.write(formatFrameworkFile(file!));
}

function schema(args: string[]) {
  const { values } = parseArgs({ args, options: { write: { type: "boolean" } } });
  const text = `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
  if (!values.write) return void process.stdout.write(text);
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}.`);
}

await runCommand("framework", async () => {
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command === "list") await list();
    else if (command === "import") await importFile(args);
    else if (command === "export") await exportFile(args);
    else if (command === "schema") schema(args);
    else throw new StartupError(USAGE);
  } catch (err) {
    // parseArgs' own complaints (an unknown option, a missing value) are usage mistakes too.
    if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) throw new StartupError(`${err.message}\n${USAGE}`);
    throw err;
  }
});
