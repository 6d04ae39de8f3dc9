/**
 * Checks on a well-shaped rules document that a schema cannot express: references between items, grades
 * and controls; names the matcher could read two ways; timelines; weights that would contradict the
 * scoring model; links that are not plain https. Every check is linear (or n log n) in the document, with
 * no recursion, because hosted rules come from the network and may be built to be slow.
 */
import { formatPath, issue, type PathSegment, type RulesIssue } from "./issues";
import { itemNames, nameFormOf } from "./names";
import { coverageOf, ENDED_STATUSES, hsCodeOf, MAX_CONTAINS_DEPTH, type Coverage, type Item, type RulesDocument, type Status } from "./schema";

export function crossCheck(rules: RulesDocument): RulesIssue[] {
  return [
    ...checkDates(rules),
    ...checkUniqueIds(rules),
    ...checkGrades(rules),
    ...checkItemReferences(rules),
    ...checkContainsCyclesAndDepth(rules),
    ...checkAliases(rules),
    ...checkHsCodes(rules),
    ...checkTimelines(rules),
    ...checkCoverage(rules),
    ...checkDestinations(rules),
    ...checkWeights(rules),
    ...checkUrls(rules),
    ...checkReading(rules),
  ];
}

function checkDates(rules: RulesDocument): RulesIssue[] {
  if (rules.reviewedAt <= rules.publishedAt) return [];
  return [
    issue(
      "reviewed_after_published",
      ["reviewedAt"],
      `reviewedAt (${rules.reviewedAt}) is later than publishedAt (${rules.publishedAt}); a review after publication needs a new publication`,
    ),
  ];
}

function checkUniqueIds(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  for (const listName of ["items", "controls"] as const) {
    const firstIndex = new Map<string, number>();
    rules[listName].forEach((entry, index) => {
      const earlier = firstIndex.get(entry.id);
      if (earlier === undefined) firstIndex.set(entry.id, index);
      else issues.push(issue("duplicate_id", [listName, index, "id"], `the id "${entry.id}" is already used by ${listName}[${earlier}]`));
    });
  }
  return issues;
}

/** Grade ids are unique within their item, and so are the grade aliases (two grades read alike cannot be told apart). */
function checkGrades(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.items.forEach((item, i) => {
    const ids = new Map<string, number>();
    const aliases = new Map<string, { grade: string; segments: PathSegment[] }>();
    item.grades.forEach((grade, g) => {
      const earlier = ids.get(grade.id);
      if (earlier !== undefined) {
        issues.push(issue("duplicate_grade", ["items", i, "grades", g, "id"], `the grade id "${grade.id}" is already used by items[${i}].grades[${earlier}]`));
      } else ids.set(grade.id, g);
      const texts: { text: string; segments: PathSegment[] }[] = [
        { text: grade.name, segments: ["items", i, "grades", g, "name"] },
        ...grade.aliases.map((text, k) => ({ text, segments: ["items", i, "grades", g, "aliases", k] })),
        ...Object.entries(grade.names ?? {}).flatMap(([language, list]) =>
          (list ?? []).map((text, k) => ({ text, segments: ["items", i, "grades", g, "names", language, k] as PathSegment[] })),
        ),
      ];
      for (const { text, segments } of texts) {
        const key = nameFormOf(text).key;
        if (key === "") continue;
        const claimed = aliases.get(key);
        if (claimed === undefined) aliases.set(key, { grade: grade.id, segments });
        else if (claimed.grade !== grade.id) {
          issues.push(issue("duplicate_alias", segments, `"${text}" already names the grade "${claimed.grade}" of this item (${formatPath(claimed.segments)})`));
        }
      }
    });
  });
  return issues;
}

/** Every reference names an existing item, and every grade condition names grades of the item it is about. */
function checkItemReferences(rules: RulesDocument): RulesIssue[] {
  const itemsById = new Map(rules.items.map((item) => [item.id, item]));
  const issues: RulesIssue[] = [];
  const checkEntry = (entry: Coverage, at: PathSegment[], gradesOf: Item | undefined) => {
    const reference = coverageOf(entry);
    const target = itemsById.get(reference.item);
    if (target === undefined) {
      issues.push(issue("unknown_item", typeof entry === "string" ? at : [...at, "item"], `no item has the id "${reference.item}"`));
      return;
    }
    const owner = gradesOf ?? target;
    const known = new Set(owner.grades.map((grade) => grade.id));
    for (const field of ["grades", "excludes"] as const) {
      (reference[field] ?? []).forEach((gradeId, k) => {
        if (!known.has(gradeId)) {
          const names = [...known].map((id) => `"${id}"`).join(", ") || "none";
          issues.push(issue("unknown_grade", [...at, field, k], `the item "${owner.id}" has no grade "${gradeId}" (its grades: ${names})`));
        }
      });
    }
    (reference.thresholds ?? []).forEach((threshold, k) => {
      if (threshold.min !== undefined && threshold.max !== undefined && threshold.min > threshold.max) {
        issues.push(issue("threshold_empty_range", [...at, "thresholds", k], `min ${threshold.min} is above max ${threshold.max}: nothing could be covered`));
      }
    });
  };
  // A control's grade condition is about the covered item's grades; a contains entry's is about the
  // containing item's own grades ("NdFeB contains dysprosium only in its Dy/Tb-bearing grades").
  rules.controls.forEach((control, c) => control.items.forEach((entry, k) => checkEntry(entry, ["controls", c, "items", k], undefined)));
  rules.items.forEach((item, i) => item.contains.forEach((entry, k) => checkEntry(entry, ["items", i, "contains", k], item)));
  return issues;
}

function checkContainsCyclesAndDepth(rules: RulesDocument): RulesIssue[] {
  const cycles = checkContainsCycles(rules);
  return cycles.length > 0 ? cycles : checkContainsDepth(rules);
}

/**
 * Longest `contains` chain below each item, on a graph known to have no loop: items are settled children
 * first with an explicit stack, so a chain of thousands cannot overflow the call stack.
 */
function checkContainsDepth(rules: RulesDocument): RulesIssue[] {
  const indexById = new Map(rules.items.map((item, index) => [item.id, index]));
  const depth = new Map<string, number>();
  const issues: RulesIssue[] = [];
  for (const root of rules.items) {
    const stack = [root.id];
    while (stack.length > 0) {
      const id = stack[stack.length - 1];
      if (depth.has(id)) {
        stack.pop();
        continue;
      }
      const children = rules.items[indexById.get(id)!].contains.map((entry) => coverageOf(entry).item).filter((child) => indexById.has(child));
      const pending = children.filter((child) => !depth.has(child));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      depth.set(id, children.reduce((deepest, child) => Math.max(deepest, depth.get(child)! + 1), 0));
      stack.pop();
    }
  }
  // Reported once per over-long chain, where it first passes the limit (the items containing it are deeper still).
  rules.items.forEach((item, i) => {
    if (depth.get(item.id) === MAX_CONTAINS_DEPTH + 1) {
      issues.push(
        issue("contains_too_deep", ["items", i, "contains"], `"${item.id}" contains a chain ${MAX_CONTAINS_DEPTH + 1} levels deep; at most ${MAX_CONTAINS_DEPTH} are allowed`),
      );
    }
  });
  return issues;
}

/** Iterative depth-first search over `contains`; each edge that closes a loop is reported once. */
function checkContainsCycles(rules: RulesDocument): RulesIssue[] {
  const indexById = new Map(rules.items.map((item, index) => [item.id, index]));
  const childrenOf = (index: number) => rules.items[index].contains.map((entry) => coverageOf(entry).item);
  const state = new Map<string, "visiting" | "done">();
  const issues: RulesIssue[] = [];

  for (const root of rules.items) {
    if (state.has(root.id)) continue;
    // Each frame: an item on the current path and the position of the next child to look at.
    const path: { id: string; index: number; next: number }[] = [{ id: root.id, index: indexById.get(root.id)!, next: 0 }];
    state.set(root.id, "visiting");
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const children = childrenOf(frame.index);
      if (frame.next >= children.length) {
        state.set(frame.id, "done");
        path.pop();
        continue;
      }
      const k = frame.next;
      frame.next += 1;
      const childId = children[k];
      const childIndex = indexById.get(childId);
      if (childIndex === undefined) continue;
      const childState = state.get(childId);
      if (childState === "visiting") {
        const start = path.findIndex((step) => step.id === childId);
        const loop = [...path.slice(start).map((step) => step.id), childId];
        issues.push(issue("contains_cycle", ["items", frame.index, "contains", k], `items contain each other in a loop: ${loop.join(" → ")}`));
      } else if (childState === undefined) {
        state.set(childId, "visiting");
        path.push({ id: childId, index: childIndex, next: 0 });
      }
    }
  }
  return issues;
}

/** Text that reads as an HS code (digits, with dots or spaces, maybe an "HS" prefix): it belongs in hsCodes. */
const LOOKS_LIKE_HS_CODE = /^(?:hs )?\d[\d ]{3,}$/;

/**
 * A name the matcher could read two ways is refused: each name (id, name, alias, name in another
 * language) belongs to one item, and no name may read as an HS code, which the code lookup owns.
 */
function checkAliases(rules: RulesDocument): RulesIssue[] {
  const owner = new Map<string, { itemId: string; segments: PathSegment[] }>();
  const issues: RulesIssue[] = [];
  rules.items.forEach((item, i) => {
    for (const name of itemNames(item)) {
      const segments: PathSegment[] = ["items", i, ...name.where];
      if (name.key === "") continue;
      if (name.where[0] !== "id" && LOOKS_LIKE_HS_CODE.test(name.normalized)) {
        issues.push(issue("alias_is_hs_code", segments, `"${name.text}" reads as an HS code; list codes in hsCodes so the code lookup decides them`));
        continue;
      }
      const claimed = owner.get(name.key);
      if (claimed === undefined) owner.set(name.key, { itemId: item.id, segments });
      else if (claimed.itemId !== item.id) {
        issues.push(issue("duplicate_alias", segments, `"${name.text}" already names the item "${claimed.itemId}" (${formatPath(claimed.segments)})`));
      }
    }
  });
  return issues;
}

/** National tariff lines by length: an international code is a 4-digit heading or a 6-digit subheading. */
const NATIONAL_LENGTHS = new Set([6, 8, 10]);
const INTERNATIONAL_LENGTHS = new Set([4, 6]);

/**
 * Codes beyond six digits say whose national line they are, and have a length that system uses. Several
 * items may share a code (a subheading covering gallium, germanium and indium is read as ambiguous); one
 * item listing the same code twice is a slip.
 */
function checkHsCodes(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.items.forEach((item, i) => {
    const seen = new Map<string, number>();
    item.hsCodes.forEach((written, k) => {
      const { code, system } = hsCodeOf(written);
      const segments: PathSegment[] = ["items", i, "hsCodes", k];
      if (system === "HS" && !INTERNATIONAL_LENGTHS.has(code.length)) {
        issues.push(
          issue(
            "hs_code_needs_system",
            segments,
            `${code} has ${code.length} digits: the international HS stops at 6; write a national line as { "code": "${code}", "system": "CN" } (or US, EU)`,
          ),
        );
      } else if (system !== "HS" && !NATIONAL_LENGTHS.has(code.length)) {
        issues.push(issue("hs_code_length", segments, `${code} has ${code.length} digits; ${system} tariff lines have 6, 8 or 10`));
      }
      const key = `${system}:${code}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.push(issue("duplicate_hs_code", segments, `${system} code ${code} is already listed at items[${i}].hsCodes[${earlier}]`));
      } else seen.set(key, k);
    });
  });
  return issues;
}

function checkTimelines(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.controls.forEach((control, c) =>
    control.timeline.forEach((entry, t) => {
      const previous = control.timeline[t - 1];
      if (previous && entry.from < previous.from) {
        issues.push(
          issue("timeline_out_of_order", ["controls", c, "timeline", t, "from"], `${entry.from} is earlier than the previous entry's ${previous.from}; list entries by date`),
        );
      }
      if (entry.until !== undefined && entry.until < entry.from) {
        issues.push(issue("until_before_from", ["controls", c, "timeline", t, "until"], `the status ends (${entry.until}) before it starts (${entry.from})`));
      }
      if (entry.unconfirmed && entry.note === undefined) {
        issues.push(
          issue("unconfirmed_without_note", ["controls", c, "timeline", t, "note"], "an unconfirmed status needs a note saying what is not known, and as of when"),
        );
      }
    }),
  );
  return issues;
}

function checkCoverage(rules: RulesDocument): RulesIssue[] {
  return rules.controls.flatMap((control, c) =>
    control.items.length === 0 && !control.anyItem
      ? [issue("empty_coverage", ["controls", c, "items"], "the control covers nothing: list its items, or set anyItem to true")]
      : [],
  );
}

function checkDestinations(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.controls.forEach((control, c) => {
    if (control.scope.kind !== "destinations") return;
    const seen = new Set<string>();
    control.scope.destinations.forEach((destination, d) => {
      if (seen.has(destination.country)) {
        issues.push(issue("duplicate_destination", ["controls", c, "scope", "destinations", d, "country"], `${destination.country} is listed twice`));
      }
      seen.add(destination.country);
    });
  });
  return issues;
}

/**
 * The status weights the scoring model relies on (docs/scoring.md): a measure in force weighs at least as
 * much as one announced, which weighs at least as much as a draft, which outweighs a suspended one; reported
 * practice sits between in force and suspended; a framework weighs no more than a suspension; a lifted or
 * dropped measure weighs exactly 0.
 */
const WEIGHT_ORDER: readonly (readonly [Status, Status])[] = [
  ["in_force", "announced"],
  ["announced", "proposed"],
  ["proposed", "suspended"],
  ["in_force", "informal"],
  ["informal", "suspended"],
  ["suspended", "framework"],
];

function checkWeights(rules: RulesDocument): RulesIssue[] {
  const weights = rules.weights.status;
  const issues: RulesIssue[] = [];
  for (const [higher, lower] of WEIGHT_ORDER) {
    if (weights[lower] > weights[higher]) {
      issues.push(
        issue(
          "status_weights_out_of_order",
          ["weights", "status", lower],
          `${lower} (${weights[lower]}) weighs more than ${higher} (${weights[higher]}); the scoring model needs ${higher} ≥ ${lower}`,
        ),
      );
    }
  }
  for (const ended of ENDED_STATUSES) {
    if (weights[ended] !== 0) {
      issues.push(issue("ended_status_weight", ["weights", "status", ended], `a ${ended} measure contributes nothing, so its weight must be 0, not ${weights[ended]}`));
    }
  }
  return issues;
}

/** Spaces and control characters have no place in a link; `new URL` would quietly encode them. */
const UNSAFE_URL_CHARACTERS = /[\s\p{Cc}]/u;

function urlProblem(url: string): string | null {
  if (UNSAFE_URL_CHARACTERS.test(url)) return "contains spaces or control characters";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a web address";
  }
  if (parsed.protocol !== "https:") return "is not an https address; sources must be https";
  if (parsed.username !== "" || parsed.password !== "") return "carries a user name or password";
  if (parsed.hostname === "") return "has no host";
  return null;
}

function checkUrls(rules: RulesDocument): RulesIssue[] {
  const links: { url: string; segments: PathSegment[] }[] = [];
  if (rules.publisher.url !== undefined) links.push({ url: rules.publisher.url, segments: ["publisher", "url"] });
  rules.items.forEach((item, i) => {
    for (const stage of ["mining", "processing"] as const) {
      const figure = item.chinaShare?.[stage];
      if (figure) links.push({ url: figure.source, segments: ["items", i, "chinaShare", stage, "source"] });
    }
  });
  rules.controls.forEach((control, c) =>
    control.sources.forEach((source, s) => links.push({ url: source.url, segments: ["controls", c, "sources", s, "url"] })),
  );
  return links.flatMap((link) => {
    const problem = urlProblem(link.url);
    return problem === null ? [] : [issue("insecure_url", link.segments, `${JSON.stringify(link.url.slice(0, 60))} ${problem}`)];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading commodity text: `about` on technology and service items, `exclusions`, `matching.nonGoods`.
// ---------------------------------------------------------------------------------------------------------

const KINDS_WITH_ABOUT: readonly Item["kind"][] = ["technology", "service"];

function checkReading(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const itemIds = new Set(rules.items.map((item) => item.id));
  const readsEmpty = (text: string, segments: PathSegment[]) => {
    if (nameFormOf(text).key !== "") return false;
    issues.push(issue("phrase_reads_empty", segments, `"${text}" has no letters or digits, so it can never be found in a line`));
    return true;
  };
  rules.items.forEach((item, i) => {
    if (item.about !== undefined && !KINDS_WITH_ABOUT.includes(item.kind)) {
      issues.push(issue("about_on_goods", ["items", i, "about"], `"about" is for technology and service items; "${item.id}" is of kind ${item.kind}`));
    }
    (item.about ?? []).forEach((id, k) => {
      if (!itemIds.has(id)) issues.push(issue("unknown_item", ["items", i, "about", k], `no item has the id "${id}"`));
    });
    item.exclusions.forEach((text, k) => readsEmpty(text, ["items", i, "exclusions", k]));
  });

  // A non-goods phrase that is also a name of an item of a kind it does not spare would veto that item
  // whenever its own name is read.
  const itemByKey = new Map<string, Item>();
  for (const item of rules.items) for (const name of itemNames(item)) if (!itemByKey.has(name.key)) itemByKey.set(name.key, item);
  const firstIndex = new Map<string, number>();
  (rules.matching?.nonGoods ?? []).forEach((entry, n) => {
    const earlier = firstIndex.get(entry.id);
    if (earlier !== undefined) issues.push(issue("duplicate_id", ["matching", "nonGoods", n, "id"], `the id "${entry.id}" is already used by matching.nonGoods[${earlier}]`));
    else firstIndex.set(entry.id, n);
    entry.phrases.forEach((text, k) => {
      const segments: PathSegment[] = ["matching", "nonGoods", n, "phrases", k];
      if (readsEmpty(text, segments)) return;
      const named = itemByKey.get(nameFormOf(text).key);
      if (named !== undefined && !entry.exceptKinds.includes(named.kind)) {
        issues.push(
          issue("non_goods_names_item", segments, `"${text}" is a name of the item "${named.id}" (${named.kind}); as a non-good it would keep that item from ever being read`),
        );
      }
    });
  });
  return issues;
}
