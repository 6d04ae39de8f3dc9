import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The version in the project's package.json, found by walking up from this file: the same code runs from
 * src/cli (tests) and from build/node/cli (the built command), so no fixed relative path fits both.
 */
export function packageVersion(start: string = __dirname): string {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === "chokepoint" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // no readable package.json here; keep walking up
    }
    if (dirname(folder) === folder) return "unknown";
  }
}
