/**
 * Checks on a well-shaped rules document that a schema cannot express: references between items, grades
 * and controls; names the matcher could read two ways; timelines; weights that would contradict the
 * scoring model; links that are not plain https. Every check is linear (or n log n) in the document, with
 * no recursion, because hosted rules come from the network and may be built to be slow.
 */
import { formatPath, issue, type PathSegment, type RulesIssue } from "./issues";
import { itemNames, nameFormOf } from "./names";
import { type Coverage, type Item, type ProducerFigure, type RulesDocument } from "./schema";
import { indexProducers } from "./producer-index";
import { coverageOf, ENDED_LISTING_STATUSES, ENDED_STATUSES, hsCodeOf, MAX_CONTAINS_DEPTH, PRODUCER_STAGES_OF_CHINA_SHARE, type Status } from "./vocabulary";

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
    ...checkProducers(rules),
    ...checkListings(rules),
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
  return rules.controls.flatMap((control, c) => timelineIssues(control.timeline, ["controls", c, "timeline"]));
}

/** A control's or a listing's timeline: entries by date, each ending after it starts, unconfirmed ones explained. */
function timelineIssues(timeline: readonly { from: string; until?: string; unconfirmed: boolean; note?: string }[], at: PathSegment[]): RulesIssue[] {
  const issues: RulesIssue[] = [];
  timeline.forEach((entry, t) => {
    const previous = timeline[t - 1];
    if (previous && entry.from < previous.from) {
      issues.push(issue("timeline_out_of_order", [...at, t, "from"], `${entry.from} is earlier than the previous entry's ${previous.from}; list entries by date`));
    }
    if (entry.until !== undefined && entry.until < entry.from) {
      issues.push(issue("until_before_from", [...at, t, "until"], `the status ends (${entry.until}) before it starts (${entry.from})`));
    }
    if (entry.unconfirmed && entry.note === undefined) {
      issues.push(issue("unconfirmed_without_note", [...at, t, "note"], "an unconfirmed status needs a note saying what is not known, and as of when"));
    }
  });
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

// ---------------------------------------------------------------- producers (where else an item is produced)

/**
 * The shares of one row may add up to a little over 100%: USGS rounds its world totals (tellurium 2025: the
 * countries' shares of a rounded 1,000 t add up to 102.2%). More than this over is a slip, not rounding.
 */
const SHARE_SUM_SLACK = 0.03;

/**
 * Two official sources for the same year and stage differ by a few points (graphite mining 2024: USGS 81.9%,
 * IEA 85.5%). An item's China share further than this outside the range the producer figures span is a
 * contradiction, not a difference of source.
 */
export const CHINA_SHARE_TOLERANCE = 0.05;

function checkProducers(rules: RulesDocument): RulesIssue[] {
  const figures = rules.producers;
  if (figures.length === 0) return [];
  const itemIds = new Set(rules.items.map((item) => item.id));
  const figureIds = new Set(figures.map((figure) => figure.id));
  const issues: RulesIssue[] = [];
  const firstIndex = new Map<string, number>();
  figures.forEach((figure, p) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ["producers", p, ...rest];
    const earlier = firstIndex.get(figure.id);
    if (earlier === undefined) firstIndex.set(figure.id, p);
    else issues.push(issue("duplicate_id", at("id"), `the id "${figure.id}" is already used by producers[${earlier}]`));
    figure.items.forEach((itemId, k) => {
      if (!itemIds.has(itemId)) issues.push(issue("unknown_item", at("items", k), `no item has the id "${itemId}"`));
    });
    if (figure.supersededBy !== undefined && (figure.supersededBy === figure.id || !figureIds.has(figure.supersededBy))) {
      issues.push(issue("unknown_figure", at("supersededBy"), `no other producer figure has the id "${figure.supersededBy}"`));
    }
    issues.push(...checkFigureShape(figure, at));
    figure.sources.forEach((source, s) => {
      const problem = urlProblem(source.url);
      if (problem !== null) issues.push(issue("insecure_url", at("sources", s, "url"), `${JSON.stringify(source.url.slice(0, 60))} ${problem}`));
    });
  });
  return [...issues, ...checkChinaShareAgreement(rules)];
}

function checkFigureShape(figure: ProducerFigure, at: (...rest: PathSegment[]) => PathSegment[]): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const seen = new Map<string, number>();
  figure.countries.forEach((entry, k) => {
    if (entry.country === "CN") {
      issues.push(issue("china_listed_as_producer", at("countries", k, "country"), "China's share goes in `china`; `countries` lists the producers outside China"));
    }
    const first = seen.get(entry.country);
    if (first !== undefined) issues.push(issue("duplicate_producer_country", at("countries", k, "country"), `${entry.country} is already listed at countries[${first}]`));
    else seen.set(entry.country, k);
  });

  const hasCountryShares = figure.countries.some((entry) => entry.share !== null);
  if (!hasCountryShares && figure.noCountryBreakdown === undefined) {
    issues.push(
      issue("missing_breakdown_note", at("noCountryBreakdown"), "no country outside China has a share: say so in noCountryBreakdown, in the source's words"),
    );
  }
  if (hasCountryShares && figure.noCountryBreakdown !== undefined) {
    issues.push(issue("breakdown_note_with_shares", at("noCountryBreakdown"), "the figure gives country shares, so it has a country breakdown; remove noCountryBreakdown"));
  }

  const shares = [figure.china.share, ...figure.countries.map((entry) => entry.share), ...figure.groups.map((group) => group.share)];
  const total = shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  if (total > 1 + SHARE_SUM_SLACK) {
    issues.push(issue("shares_exceed_whole", at(), `China, the countries and the groups add up to ${(total * 100).toFixed(1)}% of world output`));
  }

  if (figure.fromYear !== undefined && (figure.year === undefined || figure.fromYear > figure.year)) {
    issues.push(issue("range_reversed", at("fromYear"), `an average from ${figure.fromYear} needs a later (or equal) year; year is ${figure.year ?? "missing"}`));
  }
  if (figure.worldTotal?.upTo !== undefined && figure.worldTotal.upTo < figure.worldTotal.value) {
    issues.push(issue("range_reversed", at("worldTotal", "upTo"), `the range ends (${figure.worldTotal.upTo}) below where it starts (${figure.worldTotal.value})`));
  }

  const givesNumbers = figure.worldTotal !== undefined || shares.some((share) => share !== null);
  if (givesNumbers && figure.sources.length === 0) issues.push(issue("figure_unsourced", at("sources"), "a figure that gives numbers needs its source"));
  if (givesNumbers && figure.confidence === undefined) issues.push(issue("figure_unsourced", at("confidence"), "a figure that gives numbers needs a confidence (C, R or U)"));
  return issues;
}

/** The producer figures an item's China share can be held against: same item, matching stage and year, production, a share. */
function comparableFigures(figures: readonly ProducerFigure[], itemId: string, stage: "mining" | "processing", year: number) {
  return figures.filter(
    (figure) =>
      figure.items.includes(itemId) &&
      PRODUCER_STAGES_OF_CHINA_SHARE[stage].includes(figure.stage) &&
      figure.year === year &&
      figure.basis === "production" &&
      figure.supersededBy === undefined &&
      figure.china.share !== null,
  );
}

/** The shares a set of figures allows, widened by the tolerance; ">97%" has no upper end. */
function agreeingRange(figures: readonly ProducerFigure[]): { low: number; high: number } {
  const lows = figures.map((figure) => figure.china.share!);
  const highs = figures.map((figure) => (figure.china.qualifier === "more_than" ? 1 : figure.china.share!));
  return { low: Math.min(...lows) - CHINA_SHARE_TOLERANCE, high: Math.max(...highs) + CHINA_SHARE_TOLERANCE };
}

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/**
 * China's share is stated twice: per item (`chinaShare`, the default dependence the score uses) and per
 * producer figure. Where both speak of the same item, stage and year they must agree within the tolerance,
 * unless the figure records why the item's figure differs; an exception that is no longer needed is reported
 * too, so the document never keeps an excuse for a difference that has gone.
 */
function checkChinaShareAgreement(rules: RulesDocument): RulesIssue[] {
  const figures = rules.producers;
  const figuresByItem = indexProducers(figures);
  const issues: RulesIssue[] = [];
  const excused = (figure: ProducerFigure, itemId: string) => figure.chinaShareDiffers.some((entry) => entry.item === itemId);
  rules.items.forEach((item, i) => {
    for (const stage of ["mining", "processing"] as const) {
      const own = item.chinaShare?.[stage];
      if (!own) continue;
      const comparable = comparableFigures(figuresByItem.get(item.id) ?? [], item.id, stage, own.year).filter((figure) => !excused(figure, item.id));
      if (comparable.length === 0) continue;
      const { low, high } = agreeingRange(comparable);
      if (own.share >= low && own.share <= high) continue;
      const named = comparable.map((figure) => `${percent(figure.china.share!)} (${figure.id})`).join(", ");
      issues.push(
        issue(
          "china_share_mismatch",
          ["items", i, "chinaShare", stage, "share"],
          `${item.id}'s China share of ${stage} in ${own.year} is ${percent(own.share)}, but the producer figures for that year give ${named}; ` +
            `correct one of them, or record the reason in the figure's chinaShareDiffers`,
        ),
      );
    }
  });
  const itemsById = new Map(rules.items.map((item) => [item.id, item]));
  figures.forEach((figure, p) =>
    figure.chinaShareDiffers.forEach((entry, k) => {
      const reason = unusedExceptionReason(itemsById, figure, entry.item);
      if (reason !== null) issues.push(issue("china_share_exception_unused", ["producers", p, "chinaShareDiffers", k, "item"], reason));
    }),
  );
  return issues;
}

function unusedExceptionReason(itemsById: ReadonlyMap<string, Item>, figure: ProducerFigure, itemId: string): string | null {
  if (!figure.items.includes(itemId)) return `"${itemId}" is not one of this figure's items`;
  const stage = (["mining", "processing"] as const).find((candidate) => PRODUCER_STAGES_OF_CHINA_SHARE[candidate].includes(figure.stage))!;
  const own = itemsById.get(itemId)?.chinaShare?.[stage];
  if (!own || own.year !== figure.year) return `${itemId} has no China share of ${stage} for ${figure.year ?? "an undated figure"}, so there is nothing to excuse`;
  if (comparableFigures([figure], itemId, stage, own.year).length === 0) return "this figure is never compared (capacity, superseded, or no China share), so there is nothing to excuse";
  const { low, high } = agreeingRange([figure]);
  if (own.share >= low && own.share <= high) return `${itemId}'s ${percent(own.share)} agrees with this figure's ${percent(figure.china.share!)}; remove the exception`;
  return null;
}

// ================================================================ China's entity lists (listings)

function checkListings(rules: RulesDocument): RulesIssue[] {
  return [
    ...checkListingIds(rules),
    ...checkListingEntities(rules),
    ...rules.listings.flatMap((action, a) => timelineIssues(action.timeline, ["listings", a, "timeline"])),
    ...checkListingWeights(rules),
    ...checkListingUrls(rules),
  ];
}

/** Listing ids are unique, and distinct from control ids: results cite both by id. */
function checkListingIds(rules: RulesDocument): RulesIssue[] {
  const controlIds = new Set(rules.controls.map((control) => control.id));
  const firstIndex = new Map<string, number>();
  const issues: RulesIssue[] = [];
  rules.listings.forEach((action, a) => {
    const earlier = firstIndex.get(action.id);
    if (earlier !== undefined) issues.push(issue("duplicate_id", ["listings", a, "id"], `the id "${action.id}" is already used by listings[${earlier}]`));
    else if (controlIds.has(action.id)) issues.push(issue("duplicate_id", ["listings", a, "id"], `the id "${action.id}" is already used by a control`));
    else firstIndex.set(action.id, a);
  });
  return issues;
}

/** Case, spacing and punctuation aside: two spellings of one name within a notice are the same name. */
const entityTextKey = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * A notice names somebody: its entities, or the count of names not found (never guessed names). Within one
 * notice no name (or alias, or unit) belongs to two entities, which screening could not tell apart.
 */
function checkListingEntities(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.listings.forEach((action, a) => {
    if (action.entities.length === 0 && action.unnamedEntities === undefined) {
      issues.push(
        issue("listing_without_entities", ["listings", a, "entities"], "the notice names nobody: list its entities, or give unnamedEntities (the count) when the names were not found"),
      );
    }
    const owner = new Map<string, { entity: number; segments: PathSegment[] }>();
    action.entities.forEach((entity, e) => {
      const texts: { text: string; segments: PathSegment[] }[] = [
        { text: entity.name, segments: ["listings", a, "entities", e, "name"] },
        ...entity.aliases.map((text, k) => ({ text, segments: ["listings", a, "entities", e, "aliases", k] as PathSegment[] })),
        ...entity.units.map((text, k) => ({ text, segments: ["listings", a, "entities", e, "units", k] as PathSegment[] })),
      ];
      for (const { text, segments } of texts) {
        const key = entityTextKey(text);
        if (key === "") continue;
        const claimed = owner.get(key);
        if (claimed === undefined) owner.set(key, { entity: e, segments });
        else if (claimed.entity !== e) {
          issues.push(issue("duplicate_listed_entity", segments, `"${text}" already names another entity of this notice (${formatPath(claimed.segments)})`));
        }
      }
    });
  });
  return issues;
}

/**
 * The listing weights the scoring model relies on (docs/scoring.md): a listing in force weighs at least as much
 * as a suspended one, a dual-use ban at least as much as a licence review, and a lifted or cancelled listing 0.
 */
function checkListingWeights(rules: RulesDocument): RulesIssue[] {
  const { effects, status } = rules.weights.listings;
  const issues: RulesIssue[] = [];
  const order = (higher: number, lower: number, segments: PathSegment[], text: string) => {
    if (lower > higher) issues.push(issue("listing_weights_out_of_order", segments, text));
  };
  order(status.listed, status.suspended, ["weights", "listings", "status", "suspended"], `suspended (${status.suspended}) weighs more than listed (${status.listed}); the scoring model needs listed ≥ suspended`);
  order(
    effects.dual_use_ban,
    effects.licence_review,
    ["weights", "listings", "effects", "licence_review"],
    `licence_review (${effects.licence_review}) weighs more than dual_use_ban (${effects.dual_use_ban}); a ban must weigh at least as much as a review`,
  );
  for (const ended of ENDED_LISTING_STATUSES) {
    if (status[ended] !== 0) {
      issues.push(issue("ended_status_weight", ["weights", "listings", "status", ended], `a ${ended} listing contributes nothing, so its weight must be 0, not ${status[ended]}`));
    }
  }
  return issues;
}

function checkListingUrls(rules: RulesDocument): RulesIssue[] {
  return rules.listings.flatMap((action, a) =>
    action.sources.flatMap((source, s) => {
      const problem = urlProblem(source.url);
      return problem === null ? [] : [issue("insecure_url", ["listings", a, "sources", s, "url"], `${JSON.stringify(source.url.slice(0, 60))} ${problem}`)];
    }),
  );
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
