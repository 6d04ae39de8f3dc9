import { readFile, writeFile } from "node:fs/promises";
import { parseRulesText } from "../../rules/remote";
import { signDetached } from "../../rules/signature";
import { describeRulesError } from "../../rules/status-codes";
import { EXIT, type CommandIo } from "../io";

export interface SignArgs {
  /** The rules file to sign, exactly as it will be published. */
  rules: string;
  /** Path to the PKCS#8 PEM private key written by `chokepoint keygen`. */
  key: string;
}

export function signaturePathFor(rulesPath: string): string {
  return `${rulesPath}.sig`;
}

/**
 * `chokepoint sign RULES --key DIR/private.pem`: writes `RULES.sig`, a detached signature over the exact
 * bytes of RULES. The file must be valid rules first — there is no point publishing a signed broken file.
 * Exit 0 on success, 2 otherwise.
 */
export async function signCommand(args: SignArgs, io: CommandIo): Promise<number> {
  let bytes: Uint8Array<ArrayBuffer>;
  let keyPem: string;
  try {
    bytes = new Uint8Array(await readFile(args.rules));
  } catch (error) {
    io.stderr.write(`chokepoint sign: ${describeRulesError({ code: "file_unreadable", location: args.rules, cause: (error as Error).message })}\n`);
    return EXIT.unusable;
  }
  try {
    keyPem = await readFile(args.key, "utf8");
  } catch (error) {
    io.stderr.write(`chokepoint sign: cannot read the key ${args.key}: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  const parsed = parseRulesText(bytes, args.rules);
  if (!parsed.ok) {
    io.stderr.write(`chokepoint sign: refusing to sign. ${describeRulesError(parsed.error)}\n`);
    return EXIT.unusable;
  }
  const signed = await signDetached(bytes, keyPem);
  if (!signed.ok) {
    io.stderr.write(`chokepoint sign: ${describeRulesError({ code: signed.code, location: args.key })}\n`);
    return EXIT.unusable;
  }
  const signaturePath = signaturePathFor(args.rules);
  try {
    await writeFile(signaturePath, signed.signatureText);
  } catch (error) {
    io.stderr.write(`chokepoint sign: cannot write ${signaturePath}: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  io.stdout.write(`Signed ${args.rules} (version ${parsed.rules.version}); publish ${signaturePath} next to it.\n`);
  return EXIT.ok;
}
