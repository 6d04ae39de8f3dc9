import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateSigningKeyPair, publicKeyFingerprint } from "../../rules/signature";
import { EXIT, type CommandIo } from "../io";

export const PRIVATE_KEY_FILE = "private.pem";
export const PUBLIC_KEY_FILE = "public.pem";

export interface KeygenArgs {
  /** Folder to write private.pem and public.pem into; created if missing. */
  out: string;
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EEXIST";
}

/**
 * `chokepoint keygen --out DIR`: a new ECDSA P-256 signing key pair. The private key is written readable by
 * its owner only (0600). Existing key files are never overwritten. Exit 0 on success, 2 otherwise.
 */
export async function keygenCommand(args: KeygenArgs, io: CommandIo): Promise<number> {
  const privatePath = join(args.out, PRIVATE_KEY_FILE);
  const publicPath = join(args.out, PUBLIC_KEY_FILE);
  const pair = await generateSigningKeyPair();
  try {
    await mkdir(args.out, { recursive: true });
    // "wx" fails if the file exists, so an existing key can never be replaced by accident.
    await writeFile(privatePath, pair.privateKeyPem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    io.stderr.write(
      isAlreadyExists(error)
        ? `chokepoint keygen: ${privatePath} already exists; refusing to overwrite a signing key. Choose another --out folder.\n`
        : `chokepoint keygen: cannot write ${privatePath}: ${(error as Error).message}\n`,
    );
    return EXIT.unusable;
  }
  try {
    await writeFile(publicPath, pair.publicKeyPem, { mode: 0o644, flag: "wx" });
  } catch (error) {
    io.stderr.write(
      isAlreadyExists(error)
        ? `chokepoint keygen: ${publicPath} already exists; refusing to overwrite it. The new private key is in ${privatePath}.\n`
        : `chokepoint keygen: cannot write ${publicPath}: ${(error as Error).message}\n`,
    );
    return EXIT.unusable;
  }
  const fingerprint = await publicKeyFingerprint(pair.publicKeyPem);
  io.stdout.write(
    `Wrote ${privatePath} (keep it secret) and ${publicPath} (give it to users to pin).\n` +
      `Public key fingerprint: ${fingerprint}\n` +
      `Sign a rules file with: chokepoint sign RULES.json --key ${privatePath}\n`,
  );
  return EXIT.ok;
}
