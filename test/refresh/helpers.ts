import { readFileSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(__dirname, "fixtures");

/** The exact text of a fixture file (the bytes a server would publish). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** A document valid like rules-v1 but with its own version, standing in for the add-in's bundled rules. */
export function bundledFixture(): Record<string, unknown> {
  return { ...fixtureJson("rules-v1.json"), version: "2025.05.01-bundled", publishedAt: "2025-05-01", reviewedAt: "2025-05-01" };
}

export function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, "utf8"));
}
