/**
 * Grades: which form of an item a line names ("N42SH" is a Dy/Tb-bearing NdFeB grade, "Mo sheet" is a mill
 * product, not the fine powder a control lists), and whether a control's grade condition holds for a row.
 * In a grade alias `#` stands for a run of digits, so "N#SH" reads N35SH and N52SH.
 */
import type { Coverage, Item } from "../rules/schema";
import { nameFormOf } from "../rules/names";
import { judgeThreshold, type QuantityReading } from "./quantities";
import type { LinkCondition } from "./reach";

interface GradePhrase {
  words: string[];
  /** Match against words with their digit runs replaced by "#". */
  masked: boolean;
  /**
   * Written as a code or a formula ("N#SH", "GBD", "Sm2O3"), not as words: such a grade says whose it is,
   * where "sheet" or "solder" is a grade of many things.
   */
  code: boolean;
}

export interface CompiledGrade {
  id: string;
  name: string;
  phrases: GradePhrase[];
}

const DIGIT_RUNS = /\d+/g;
/** A placeholder digit for `#` while the alias goes through the naming key, which would drop a "#". */
const WILDCARD_STAND_IN = "7";

function phraseOf(alias: string): GradePhrase | null {
  const masked = alias.includes("#");
  const key = nameFormOf(masked ? alias.replaceAll("#", WILDCARD_STAND_IN) : alias).key;
  if (key === "") return null;
  const words = key.split(" ");
  return { words: masked ? words.map((word) => word.replace(DIGIT_RUNS, "#")) : words, masked, code: CODE_LIKE.test(alias) };
}

/** A digit, a "#" or two capitals: "N#SH", "Tb4O7", "GBD", "HRE-free". */
const CODE_LIKE = /[#\d]|[A-Z][^A-Z]*[A-Z]/;

export function compileGrades(item: Item): CompiledGrade[] {
  return item.grades.map((grade) => {
    const texts = [grade.name, ...grade.aliases, ...Object.values(grade.names ?? {}).flatMap((list) => list ?? [])];
    return {
      id: grade.id,
      name: grade.name,
      phrases: texts.map(phraseOf).filter((phrase): phrase is GradePhrase => phrase !== null),
    };
  });
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= words.length; start++) {
    for (let k = 0; k < phrase.length; k++) if (words[start + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * The grade a line names, from the words of its matching key. The longest phrase wins, so "Dy-free N42SH"
 * style conflicts are settled by the more specific name; null when no grade is named.
 */
export function gradeNamed(grades: readonly CompiledGrade[], words: readonly string[], codesOnly = false): { id: string; name: string } | null {
  if (grades.length === 0 || words.length === 0) return null;
  const masked = words.map((word) => word.replace(DIGIT_RUNS, "#"));
  let best: { id: string; name: string; length: number } | null = null;
  for (const grade of grades) {
    for (const phrase of grade.phrases) {
      if (codesOnly && !phrase.code) continue;
      if ((best?.length ?? 0) >= phrase.words.length) continue;
      if (containsPhrase(phrase.masked ? masked : words, phrase.words)) best = { id: grade.id, name: grade.name, length: phrase.words.length };
    }
  }
  return best && { id: best.id, name: best.name };
}

/** What the row says about one grade condition. */
export type ConditionOutcome =
  | { kind: "met"; by: "grade" | "quantity"; detail: string }
  | { kind: "not_met"; by: "grade" | "quantity"; detail: string }
  | { kind: "unknown" };

export interface RowReading {
  itemId: string | null;
  grade: { id: string; name: string } | null;
  quantities: readonly QuantityReading[];
}

/**
 * One condition against the row: a number the row states for a bounded quantity decides first; then a
 * grade the row names (covered or excluded); otherwise the row does not say. Conditions about an item
 * other than the row's own (a component deeper in `contains`) cannot be settled from the row's text.
 */
export function judgeCondition(condition: LinkCondition, row: RowReading): ConditionOutcome {
  if (!condition.onRowItem) return { kind: "unknown" };
  const coverage: Exclude<Coverage, string> = condition.coverage;
  for (const threshold of coverage.thresholds ?? []) {
    const judged = judgeThreshold(threshold, row.quantities);
    if (judged.outcome === "inside") return { kind: "met", by: "quantity", detail: judged.reading!.text };
    if (judged.outcome === "outside") return { kind: "not_met", by: "quantity", detail: judged.reading!.text };
  }
  if (row.grade !== null) {
    if (coverage.grades?.includes(row.grade.id)) return { kind: "met", by: "grade", detail: row.grade.name };
    if (coverage.excludes?.includes(row.grade.id)) return { kind: "not_met", by: "grade", detail: row.grade.name };
  }
  return { kind: "unknown" };
}
