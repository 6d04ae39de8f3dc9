import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bytesToBase64,
  derSignatureToP1363,
  generateSigningKeyPair,
  publicKeyFingerprint,
  signDetached,
  verifyDetachedSignature,
} from "../../src/rules/signature";
import { bytesOf, fixtureText } from "./helpers";

const V1 = fixtureText("rules-v1.json");

describe("detached signatures", () => {
  test("sign then verify round-trips; one changed byte or another key fails", async () => {
    const [owner, stranger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    const signed = await signDetached(bytesOf(V1), owner.privateKeyPem);
    if (!signed.ok) throw new Error("signing failed");
    expect(signed.signatureText).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);

    expect(await verifyDetachedSignature(bytesOf(V1), signed.signatureText, owner.publicKeyPem)).toEqual({ ok: true });
    expect(await verifyDetachedSignature(bytesOf(`${V1} `), signed.signatureText, owner.publicKeyPem)).toEqual({
      ok: false,
      code: "signature_invalid",
    });
    expect(await verifyDetachedSignature(bytesOf(V1), signed.signatureText, stranger.publicKeyPem)).toEqual({
      ok: false,
      code: "signature_invalid",
    });
  });

  test("keys are PEM files openssl understands, and openssl's DER signatures verify", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-sig-"));
    try {
      const pair = await generateSigningKeyPair();
      writeFileSync(join(dir, "private.pem"), pair.privateKeyPem);
      writeFileSync(join(dir, "rules.json"), V1);
      const publicFromOpenssl = execFileSync("openssl", ["pkey", "-in", join(dir, "private.pem"), "-pubout"], { encoding: "utf8" });
      expect(publicFromOpenssl.trim()).toBe(pair.publicKeyPem.trim());

      execFileSync("openssl", ["dgst", "-sha256", "-sign", join(dir, "private.pem"), "-out", join(dir, "rules.der"), join(dir, "rules.json")]);
      const derSignature = bytesToBase64(new Uint8Array(readFileSync(join(dir, "rules.der"))));
      expect(await verifyDetachedSignature(bytesOf(V1), derSignature, pair.publicKeyPem)).toEqual({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("malformed DER is refused rather than misread", () => {
    expect(derSignatureToP1363(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toBeNull();
    expect(derSignatureToP1363(new Uint8Array([0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]))).toBeNull();
    const minimal = derSignatureToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07]));
    expect(minimal?.[31]).toBe(5);
    expect(minimal?.[63]).toBe(7);
  });

  test("a key that is not a P-256 PEM is reported, not thrown", async () => {
    expect(await signDetached(bytesOf(V1), "not a key")).toEqual({ ok: false, code: "private_key_invalid" });
    expect(await verifyDetachedSignature(bytesOf(V1), "AAAA", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).toEqual({
      ok: false,
      code: "public_key_invalid",
    });
  });

  test("fingerprints are stable and tell keys apart", async () => {
    const [a, b] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    expect(await publicKeyFingerprint(a.publicKeyPem)).toMatch(/^[0-9a-f]{16}$/);
    expect(await publicKeyFingerprint(a.publicKeyPem)).toBe(await publicKeyFingerprint(a.publicKeyPem));
    expect(await publicKeyFingerprint(a.publicKeyPem)).not.toBe(await publicKeyFingerprint(b.publicKeyPem));
  });
});
