/**
 * Detached signatures for hosted rules files, with WebCrypto only (browser and Node 20 alike).
 *
 * Keys: ECDSA on P-256. The public key is PEM "PUBLIC KEY" (SPKI), the private key PEM "PRIVATE KEY"
 * (PKCS#8) — the same files `openssl` reads and writes.
 *
 * The `.sig` file: one line of standard base64 holding the signature of the SHA-256 digest of the exact
 * bytes of the rules file. `chokepoint sign` writes the 64-byte IEEE P1363 form (r || s, 32 bytes each).
 * The DER form that `openssl dgst -sha256 -sign` produces is accepted too, so a rule owner can sign with
 * openssl alone. Whitespace around and inside the base64 is ignored.
 */

const KEY_ALGORITHM: EcKeyImportParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGNATURE_ALGORITHM: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
const P256_COORDINATE_BYTES = 32;

type PemLabel = "PUBLIC KEY" | "PRIVATE KEY";

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes standard base64, ignoring whitespace; null when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  try {
    const binary = atob(compact);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function derToPem(der: ArrayBuffer, label: PemLabel): string {
  const body = bytesToBase64(new Uint8Array(der)).replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The DER bytes inside the first PEM block with the given label; null when there is none. */
export function pemToDer(pem: string, label: PemLabel): Uint8Array<ArrayBuffer> | null {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  return match ? base64ToBytes(match[1]) : null;
}

/** A PEM key as a WebCrypto key, or null when the text is not such a key. */
async function importPem(pem: string, label: PemLabel, format: "spki" | "pkcs8", usage: KeyUsage): Promise<CryptoKey | null> {
  const der = pemToDer(pem, label);
  if (!der) return null;
  try {
    return await subtle().importKey(format, der, KEY_ALGORITHM, format === "spki", [usage]);
  } catch {
    return null;
  }
}

export function importPublicKeyPem(pem: string): Promise<CryptoKey | null> {
  return importPem(pem, "PUBLIC KEY", "spki", "verify");
}

export function importPrivateKeyPem(pem: string): Promise<CryptoKey | null> {
  return importPem(pem, "PRIVATE KEY", "pkcs8", "sign");
}

export interface SigningKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const pair = await subtle().generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
  const [pkcs8, spki] = await Promise.all([
    subtle().exportKey("pkcs8", pair.privateKey),
    subtle().exportKey("spki", pair.publicKey),
  ]);
  return { privateKeyPem: derToPem(pkcs8, "PRIVATE KEY"), publicKeyPem: derToPem(spki, "PUBLIC KEY") };
}

/** A short, stable name for a public key (SHA-256 of its SPKI bytes, first 16 hex digits), for display. */
export async function publicKeyFingerprint(publicKeyPem: string): Promise<string | null> {
  const der = pemToDer(publicKeyPem, "PUBLIC KEY");
  if (!der) return null;
  const digest = new Uint8Array(await subtle().digest("SHA-256", der));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type SignResult = { ok: true; signatureText: string } | { ok: false; code: "private_key_invalid" };

/** Signs the exact bytes and returns the `.sig` file content (base64 P1363, one line, newline-terminated). */
export async function signDetached(bytes: Uint8Array<ArrayBuffer>, privateKeyPem: string): Promise<SignResult> {
  const key = await importPrivateKeyPem(privateKeyPem);
  if (!key) return { ok: false, code: "private_key_invalid" };
  const signature = await subtle().sign(SIGNATURE_ALGORITHM, key, bytes);
  return { ok: true, signatureText: `${bytesToBase64(new Uint8Array(signature))}\n` };
}

export type VerifyResult = { ok: true } | { ok: false; code: "public_key_invalid" | "signature_invalid" };

export async function verifyDetachedSignature(
  bytes: Uint8Array<ArrayBuffer>,
  signatureText: string,
  publicKeyPem: string,
): Promise<VerifyResult> {
  const key = await importPublicKeyPem(publicKeyPem);
  if (!key) return { ok: false, code: "public_key_invalid" };
  const decoded = base64ToBytes(signatureText);
  const signature = decoded && (decoded.length === 2 * P256_COORDINATE_BYTES ? decoded : derSignatureToP1363(decoded));
  if (!signature) return { ok: false, code: "signature_invalid" };
  const valid = await subtle().verify(SIGNATURE_ALGORITHM, key, signature, bytes);
  return valid ? { ok: true } : { ok: false, code: "signature_invalid" };
}

/**
 * Converts an ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }` (OpenSSL's signature encoding) into the
 * fixed-width r || s form WebCrypto verifies. Null when the bytes are not such a sequence.
 */
export function derSignatureToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  let offset = 0;
  const readLength = (): number | null => {
    if (offset >= der.length) return null;
    const first = der[offset++];
    if (first < 0x80) return first;
    if (first !== 0x81 || offset >= der.length) return null;
    return der[offset++];
  };
  const readInteger = (): Uint8Array | null => {
    if (der[offset++] !== 0x02) return null;
    const length = readLength();
    if (length === null || length === 0 || offset + length > der.length) return null;
    let value = der.subarray(offset, offset + length);
    offset += length;
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    return value.length <= P256_COORDINATE_BYTES ? value : null;
  };
  if (der[offset++] !== 0x30) return null;
  const sequenceLength = readLength();
  if (sequenceLength === null || offset + sequenceLength !== der.length) return null;
  const r = readInteger();
  const s = r && readInteger();
  if (!r || !s || offset !== der.length) return null;
  const out = new Uint8Array(2 * P256_COORDINATE_BYTES);
  out.set(r, P256_COORDINATE_BYTES - r.length);
  out.set(s, 2 * P256_COORDINATE_BYTES - s.length);
  return out;
}
