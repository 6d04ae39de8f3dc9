/**
 * Size of what the task pane page loads from the add-in's own server: the scripts taskpane.html names
 * (the webpack runtime, the shared chunk, the functions bundle and the pane bundle), as built by
 * `webpack --mode production` (minified) and gzipped at level 9. office.js comes from Microsoft's CDN
 * and is not ours, so it is left out. The chunks the page fetches later, when a feature is first used (the
 * chart library, the HS descriptions, the example list…), are every other script in dist/; they are measured
 * the same way and reported apart, as "loaded on demand", so that nothing moved out of the first load is hidden.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

export interface BundleFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: BundleFile[];
  totalBytes: number;
  totalGzipBytes: number;
  /** Scripts in dist/ that taskpane.html does not load: chunks fetched on first use. */
  onDemand: BundleFile[];
  onDemandBytes: number;
  onDemandGzipBytes: number;
}

const SCRIPT_SOURCE = /<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The add-in's own scripts in the order the page loads them. */
export function scriptsLoadedBy(html: string): string[] {
  return [...html.matchAll(SCRIPT_SOURCE)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((source) => !/^(?:https?:)?\/\//i.test(source) && !/office\.js$/i.test(source));
}

export function measureBundles(distDir: string): BundleSize {
  const scripts = scriptsLoadedBy(readFileSync(join(distDir, "taskpane.html"), "utf8"));
  if (!scripts.includes("functions.js")) throw new Error(`taskpane.html does not load functions.js (it loads ${scripts.join(", ")})`);
  const files = scripts.map((name) => measureFile(distDir, name));
  const onDemand = readdirSync(distDir)
    .filter((name) => name.endsWith(".js") && !scripts.includes(name))
    .sort()
    .map((name) => measureFile(distDir, name));
  return {
    files,
    totalBytes: sumOf(files, "bytes"),
    totalGzipBytes: sumOf(files, "gzipBytes"),
    onDemand,
    onDemandBytes: sumOf(onDemand, "bytes"),
    onDemandGzipBytes: sumOf(onDemand, "gzipBytes"),
  };
}

function measureFile(distDir: string, name: string): BundleFile {
  const content = readFileSync(join(distDir, name));
  return { name, bytes: content.length, gzipBytes: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length };
}

const sumOf = (files: readonly BundleFile[], field: "bytes" | "gzipBytes") => files.reduce((sum, file) => sum + file[field], 0);
