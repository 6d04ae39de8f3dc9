import { singleLine } from "../../engine/text-safety";
import { formatIssue } from "../../rules/parse";
import { describeRulesError, type RulesErrorCode } from "../../rules/status-codes";
import { loadRulesSource, type RulesSourceOptions } from "../rules-source";
import { EXIT, type CommandIo, type ExitCode } from "../io";

export interface ValidateArgs {
  /** A file path, or an https URL (fetched the way the add-in fetches rules). */
  rules: string;
  /** Require a valid detached signature (`RULES.sig`) made with this public key (PEM text or a path). */
  publicKey?: string;
  /** Print the outcome as JSON instead of lines. */
  json?: boolean;
  loadOptions?: Omit<RulesSourceOptions, "publicKey">;
}

/** Failures that mean "the document was read and rejected" (exit 1); every other failure is exit 2. */
const REJECTED_DOCUMENT: ReadonlySet<RulesErrorCode> = new Set<RulesErrorCode>([
  "invalid_json",
  "schema_invalid",
  "schema_version_unsupported",
  "signature_missing",
  "signature_invalid",
]);

function formatWords(current: number, upgradedFrom: number | undefined): string {
  return upgradedFrom === undefined ? `format ${current}` : `format ${upgradedFrom}, upgraded to ${current} on read`;
}

/**
 * `chokepoint validate RULES`: runs the one parse path over a rules file and reports the result.
 * Exit 0 valid; 1 invalid, with every issue and its JSON path on its own line; 2 when it cannot be read.
 */
export async function validateCommand(args: ValidateArgs, io: CommandIo): Promise<ExitCode> {
  const loaded = await loadRulesSource(args.rules, { ...args.loadOptions, publicKey: args.publicKey ?? null });

  if (loaded.ok) {
    const { rules } = loaded;
    if (args.json) {
      const format = { schemaVersion: rules.schemaVersion, ...(loaded.upgradedFrom === undefined ? {} : { upgradedFrom: loaded.upgradedFrom }) };
      io.stdout.write(`${JSON.stringify({ valid: true, version: rules.version, ...format, items: rules.items.length, controls: rules.controls.length, issues: [] })}\n`);
    } else {
      io.stdout.write(
        `${args.rules}: valid. Rules ${singleLine(rules.version)} (${formatWords(rules.schemaVersion, loaded.upgradedFrom)}, reviewed ${rules.reviewedAt}): ` +
          `${rules.items.length} items, ${rules.controls.length} controls${loaded.signed ? ", signature verified" : ""}.\n`,
      );
    }
    return EXIT.ok;
  }

  const { error } = loaded;
  const issues = error.issues ?? [];
  const exitCode = REJECTED_DOCUMENT.has(error.code) ? EXIT.invalidRules : EXIT.unusable;
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ valid: false, error: error.code, message: describeRulesError(error), issues })}\n`);
    return exitCode;
  }
  for (const issue of issues) io.stdout.write(`${singleLine(formatIssue(issue))}\n`);
  const summary =
    issues.length > 0
      ? `${args.rules} is not valid: ${issues.length} issue${issues.length === 1 ? "" : "s"} (listed above).`
      : describeRulesError(error);
  io.stderr.write(`chokepoint validate: ${singleLine(summary)}\n`);
  return exitCode;
}
