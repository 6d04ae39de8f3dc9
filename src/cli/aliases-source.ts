/**
 * `--aliases FILE.csv`: the workbook's own aliases for the CLI, as a table with the columns `commodity,item`
 * (an empty item, "none" or "not controlled" marks a text not controlled). Read whole (such files are small),
 * separator guessed as for supplier lists, then the same overlay format and checks the pane uses.
 */
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { describeUserAliasIssue, type UserAliases } from "../engine/user-aliases";
import { userAliasesFromTable } from "../engine/user-aliases-check";
import { guessDelimiter } from "./readers/csv";

const LARGEST_ALIASES_FILE = 5 * 1024 * 1024;

export type LoadedAliases = { ok: true; aliases: UserAliases } | { ok: false; message: string };

export async function loadAliasesFile(path: string): Promise<LoadedAliases> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > LARGEST_ALIASES_FILE) return { ok: false, message: `${path}: an aliases file is at most 5 MB` };
    text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: "greedy" });
  const table = userAliasesFromTable(parsed.data);
  if (!table.ok) return { ok: false, message: `${path}: ${table.issues.map(describeUserAliasIssue).join("; ")}` };
  return { ok: true, aliases: table.aliases };
}
