/**
 * `chokepoint` — arguments only. Each command lives in commands/ (I/O and exit codes) over pure logic in
 * rules/ and engine/. To add a command, add one `register…` function to COMMANDS.
 */
import { Command, CommanderError } from "commander";
import { itemCommand } from "./commands/item";
import { diffCommand } from "./commands/diff";
import { keygenCommand } from "./commands/keygen";
import { schemaCommand } from "./commands/schema";
import { signCommand } from "./commands/sign";
import { upcomingCommand } from "./commands/upcoming";
import { scoreCommand } from "./commands/score";
import { validateCommand } from "./commands/validate";
import { EXIT, type CommandIo } from "./io";
import { terminalSafe } from "./output/sink";
import { packageVersion } from "./version";

/** Each command sets the exit code through this; commander only parses. */
type Register = (program: Command, io: CommandIo, finish: (code: number) => void) => void;

const registerValidate: Register = (program, io, finish) => {
  program
    .command("validate")
    .description("check a rules file (path or https URL); exit 0 valid, 1 invalid (every issue with its JSON path), 2 unreadable")
    .argument("<rules>", "rules JSON file or https URL")
    .option("--public-key <pem-or-path>", "also require a valid detached signature (RULES.sig) made with this key")
    .option("--json", "print the result as JSON")
    .action(async (rules: string, options: { publicKey?: string; json?: boolean }) => {
      finish(await validateCommand({ rules, publicKey: options.publicKey, json: options.json }, io));
    });
};

const registerSchema: Register = (program, io, finish) => {
  program
    .command("schema")
    .description("print the JSON Schema of the rules document")
    .action(() => finish(schemaCommand(io)));
};

const registerScore: Register = (program, io, finish) => {
  program
    .command("score")
    .description("score a supplier list (.csv or .xlsx); exit 0 when scored (even with bad rows), 2 for unusable input")
    .argument("<file>", "supplier list with a header row; only a commodity column is required")
    .option("--rules <path-or-url>", "rules JSON file or https URL (default: the bundled rules)")
    .option("--as-of <date>", "score on this day, YYYY-MM-DD (default: today)")
    .option("--format <format>", "table, csv or json (default: table on a terminal, json otherwise)")
    .option("--out <file>", "write the report to this file (replaced only once the report is complete) instead of stdout")
    .option("--sheet <name>", "XLSX: the sheet to read (default: the first visible sheet with a header row)")
    .option("--encoding <name>", "CSV: the encoding of a file that is not UTF-8, e.g. windows-1252 or shift_jis")
    .option("--aliases <file.csv>", "your own aliases: a CSV with columns commodity,item (empty item or 'none' = not controlled)")
    .action(
      async (file: string, options: { rules?: string; asOf?: string; format?: string; out?: string; sheet?: string; encoding?: string; aliases?: string }) => {
        finish(await scoreCommand({ file, ...options }, io));
      },
    );
};

const registerKeygen: Register = (program, io, finish) => {
  program
    .command("keygen")
    .description("create an ECDSA P-256 key pair for signing rules files (private.pem, public.pem); never overwrites")
    .requiredOption("--out <dir>", "folder to write private.pem and public.pem into")
    .action(async (options: { out: string }) => finish(await keygenCommand({ out: options.out }, io)));
};

const registerSign: Register = (program, io, finish) => {
  program
    .command("sign")
    .description("write RULES.sig, a detached signature over the exact bytes of a valid rules file")
    .argument("<rules>", "the rules JSON file, exactly as it will be published")
    .requiredOption("--key <private.pem>", "the private key written by chokepoint keygen")
    .action(async (rules: string, options: { key: string }) => finish(await signCommand({ rules, key: options.key }, io)));
};

const registerItem: Register = (program, io, finish) => {
  program
    .command("item")
    .description("one item's profile: how the text is read, China's shares by stage, the controls on the date, and where else it is produced")
    .argument("<commodity>", "a name, trade name, chemical formula or HS code")
    .option("--as-of <date>", "the day to list the controls on, YYYY-MM-DD (default: today)")
    .option("--site <country>", "country of the receiving plant: adds the controls aimed at that destination")
    .option("--format <format>", "table or json (default: table on a terminal, json otherwise)")
    .option("--rules <path-or-url>", "rules JSON file or https URL (default: the bundled rules)")
    .action(async (commodity: string, options: { asOf?: string; site?: string; format?: string; rules?: string }) => {
      finish(await itemCommand({ commodity, ...options }, io));
    });
};

const registerDiff: Register = (program, io, finish) => {
  program
    .command("diff")
    .description("what changed between two rules files (paths or https URLs), and with --suppliers which rows move; exit 0 when compared, 2 for unusable input")
    .argument("<old>", "the earlier rules file or URL")
    .argument("<new>", "the later rules file or URL")
    .option("--suppliers <file>", "a supplier list (.csv or .xlsx) to score with both editions")
    .option("--sheet <name>", "XLSX: the sheet of the supplier list (default: the first)")
    .option("--encoding <name>", "CSV: the encoding of a supplier list that is not UTF-8 and has no byte-order mark (e.g. windows-1252, shift_jis)")
    .option("--as-of <date>", "score the list on this day, YYYY-MM-DD (default: today)")
    .option("--format <format>", "table, csv or json (default: table on a terminal, json otherwise)")
    .action(async (old: string, next: string, options: { suppliers?: string; sheet?: string; encoding?: string; asOf?: string; format?: string }) => {
      finish(await diffCommand({ old, new: next, ...options }, io));
    });
};

const registerUpcoming: Register = (program, io, finish) => {
  program
    .command("upcoming")
    .description("the dated status changes of the rules in the coming days, and with --suppliers which rows move on those days; exit 0 when listed, 2 for unusable input")
    .option("--rules <path-or-url>", "rules JSON file or https URL (default: the bundled rules)")
    .option("--days <n>", "how many days to look ahead, 1 to 3650 (default: 90)")
    .option("--as-of <date>", "the day to look ahead from, YYYY-MM-DD; the window starts the day after (default: today)")
    .option("--suppliers <file>", "a supplier list (.csv or .xlsx) whose moving rows to list")
    .option("--sheet <name>", "XLSX: the sheet of the supplier list (default: the first)")
    .option("--encoding <name>", "CSV: the encoding of a supplier list that is not UTF-8 and has no byte-order mark (e.g. windows-1252, shift_jis)")
    .option("--format <format>", "table, csv or json (default: table on a terminal, json otherwise)")
    .action(async (options: { rules?: string; days?: string; asOf?: string; suppliers?: string; sheet?: string; encoding?: string; format?: string }) => {
      finish(await upcomingCommand(options, io));
    });
};

const COMMANDS: readonly Register[] = [
  registerValidate,
  registerSchema,
  registerScore,
  registerItem,
  registerDiff,
  registerUpcoming,
  registerKeygen,
  registerSign,
];

function buildProgram(io: CommandIo, finish: (code: number) => void): Command {
  const program = new Command()
    .name("chokepoint")
    .description("Score supplier lists for exposure to China's export controls, and maintain the rules they use.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError("(run `chokepoint --help` for usage)");
  for (const register of COMMANDS) register(program, io, finish);
  return program;
}

/** Runs the CLI on arguments after the executable (`process.argv.slice(2)`) and resolves to the exit code. */
export async function main(argv: string[], rawIo: CommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // The one place text is made safe for a terminal: stderr always (people read it, often later from a
  // log), stdout when it is a terminal. Files and pipes get the report's bytes as they are.
  const io: CommandIo = { stdout: rawIo.stdout.isTTY === true ? terminalSafe(rawIo.stdout) : rawIo.stdout, stderr: terminalSafe(rawIo.stderr) };
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.unusable;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    throw error;
  }
  return exitCode;
}
