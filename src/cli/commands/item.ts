/**
 * `chokepoint item COMMODITY`: one item's profile — how the text was read, China's shares by stage, the
 * controls that apply on the date, and where else the item is produced (the binding stage and the producers
 * outside China at each stage). Everything comes from the engine (scoreRow, chinaShareFor, alternativesFor);
 * this file only lays it out as a table or JSON. Exit 0 with a profile; 2 for unusable input (an unknown
 * commodity, a bad option, unreadable rules).
 */
import { alternativesFor, formatFigureYear, formatShare } from "../../engine/alternatives";
import {
  chinaShareFor,
  compileRules,
  describeEngineError,
  isoDateOrNull,
  scoreRow,
  todayIso,
  type ControlHit,
  type ItemAlternatives,
  type MatchResult,
  type StageSupply,
} from "../../engine/index";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { textSink } from "../output/sink";
import { loadCommandRules } from "../rules-source";
import { stripControlCharacters } from "../../engine/text-safety";

export const ITEM_FORMATS = ["table", "json"] as const;
export type ItemFormat = (typeof ITEM_FORMATS)[number];

export interface ItemArgs {
  commodity: string;
  /** YYYY-MM-DD; today when absent. */
  asOf?: string;
  /** Country of the receiving plant: adds the controls aimed at that destination. */
  site?: string;
  format?: string;
  /** Rules file path or https URL; the bundled rules when absent. */
  rules?: string;
}

/** The profile as data: what `--format json` prints, and what the table is drawn from. */
export interface ItemProfile {
  asOf: string;
  rules: { version: string; source: string };
  input: string;
  read: {
    item: { id: string; name: string };
    method: MatchResult["method"];
    /** How the text was read, in words: which words decided, or which code. */
    why: string;
    confidence: number;
    grade: MatchResult["grade"];
    quantities: string[];
  };
  chinaShare: {
    /** The figure the score uses as default dependence, and whose it is. */
    usedByScore: { share: number; year: number; itemId: string } | null;
    mining: { share: number; year: number; basis: string | null; source: string } | null;
    processing: { share: number; year: number; basis: string | null; source: string } | null;
  };
  controls: {
    id: string;
    title: string;
    citation: string | null;
    category: ControlHit["category"];
    status: ControlHit["status"];
    since: string;
    until: string | null;
    via: string;
    gradeCondition: string | null;
    source: string;
  }[];
  alternatives: ItemAlternatives;
  warnings: string[];
}

function chooseFormat(format: string | undefined, io: CommandIo): ItemFormat | null {
  if (format === undefined) return (io.stdout as { isTTY?: boolean }).isTTY === true ? "table" : "json";
  const wanted = format.trim().toLowerCase();
  return (ITEM_FORMATS as readonly string[]).includes(wanted) ? (wanted as ItemFormat) : null;
}

function via(hit: ControlHit): string {
  if (hit.via.kind === "any_item") return "any item";
  if (hit.via.kind === "item") return "the item itself";
  if (hit.via.kind === "listing") return `the supplier's listing (${hit.via.actionId})`;
  return `contains ${(hit.via.path ?? [hit.via.itemId]).slice(1).join(" → ")}`;
}

export async function itemCommand(args: ItemArgs, io: CommandIo): Promise<ExitCode> {
  const fail = (message: string): ExitCode => {
    io.stderr.write(`chokepoint item: ${printable(message)}\n`);
    return EXIT.unusable;
  };
  const asOf = args.asOf ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.trim()) || isoDateOrNull(asOf) === null) return fail(`--as-of must be a calendar date written YYYY-MM-DD; got "${asOf}"`);
  const format = chooseFormat(args.format, io);
  if (format === null) return fail(`--format must be one of ${ITEM_FORMATS.join(", ")}; got "${args.format}"`);
  const loaded = await loadCommandRules(args.rules);
  if (!loaded.ok) return fail(loaded.lines.join("\n"));

  const rules = compileRules(loaded.rules);
  const row = scoreRow({ commodity: args.commodity, siteCountry: args.site ?? null }, rules, { asOf });
  if (!row.ok) return fail(describeEngineError(row.error, (field) => (field === "site_country" ? "--site" : field)));
  const { match } = row;
  if (match.itemId === null) return fail(`"${args.commodity.slice(0, 60)}" is not an item the rules know; try a common name, a chemical formula or an HS code`);

  const own = rules.itemsById.get(match.itemId)!;
  const figure = (stage: "mining" | "processing") => {
    const found = own.chinaShare?.[stage];
    return found ? { share: found.share, year: found.year, basis: found.basis ?? null, source: found.source } : null;
  };
  const scoreFigure = chinaShareFor(rules, match.itemId, null);
  const profile: ItemProfile = {
    asOf,
    rules: { version: loaded.rules.version, source: loaded.source },
    input: args.commodity,
    read: {
      item: { id: match.itemId, name: match.itemName ?? match.itemId },
      method: match.method,
      why: match.why,
      confidence: match.confidence,
      grade: match.grade,
      quantities: match.quantities.map((quantity) => quantity.text),
    },
    chinaShare: {
      usedByScore: scoreFigure && { share: scoreFigure.share, year: scoreFigure.year, itemId: scoreFigure.itemId },
      mining: figure("mining"),
      processing: figure("processing"),
    },
    controls: row.hits.map((hit) => ({
      id: hit.controlId,
      title: hit.title,
      citation: hit.citation,
      category: hit.category,
      status: hit.status,
      since: hit.statusSince,
      until: hit.statusUntil,
      via: via(hit),
      gradeCondition: hit.grade.condition,
      source: hit.sourceUrl,
    })),
    alternatives: alternativesFor(rules, match.itemId)!,
    warnings: row.warnings.map((warning) => `${warning.code}: ${warning.message}`),
  };
  const sink = textSink(io.stdout);
  await sink.write(format === "json" ? `${JSON.stringify(profile, null, 2)}\n` : renderProfile(profile));
  return EXIT.ok;
}

// ---------------------------------------------------------------- the table

/** Text a terminal cannot act on (the shared rule, src/engine/text-safety.ts), on one line, its spacing kept. */
function printable(text: string): string {
  return stripControlCharacters(text.replace(/[\r\n\t]+/g, " "));
}

/** Rows of cells as aligned columns, two spaces apart, indented. */
function columns(rows: readonly (readonly string[])[], indent = "  "): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")}`.trimEnd());
}

const percent = (share: number | null, qualifier: Parameters<typeof formatShare>[1] = null) => (share === null ? "–" : formatShare(share, qualifier));

function stageLine(supply: StageSupply): string[] {
  return [
    `${supply.stage}${supply.basis === "capacity" ? " (capacity)" : ""}`,
    formatFigureYear(supply),
    percent(supply.china.share, supply.china.qualifier),
    supply.outsideChina ? formatShare(supply.outsideChina.share, supply.outsideChina.qualifier) : "–",
    supply.hhi === null ? "–" : String(supply.hhi),
    supply.confidence ?? "–",
    supply.material,
  ];
}

function producersBlock(supply: StageSupply): string[] {
  const title = `${supply.stage} of ${supply.itemName}, ${formatFigureYear(supply)}${supply.sources[0] ? ` — ${supply.sources[0].url}` : ""}`;
  if (!supply.hasBreakdown) {
    const named = supply.producers.map((p) => p.countryName).join(", ");
    return [`  ${title}`, `    no country breakdown: ${supply.noCountryBreakdown ?? "the source gives no country shares"}`, ...(named ? [`    named without shares: ${named}`] : [])];
  }
  const rows = [
    ...supply.producers.map((p) => [p.countryName, p.share === null ? "no share given" : formatShare(p.share, p.qualifier), p.note ?? ""]),
    ...supply.groups.map((g) => [g.label, g.share === null ? "no share given" : formatShare(g.share), g.note ?? ""]),
  ];
  return [`  ${title}`, ...columns(rows, "    ")];
}

export function renderProfile(profile: ItemProfile): string {
  const { read, chinaShare, alternatives } = profile;
  const out: string[] = [];
  const how = `${read.method} match${read.confidence < 1 ? `, confidence ${read.confidence.toFixed(2)}` : ""}`;
  const grade = read.grade ? `, grade ${read.grade.name}` : "";
  const stated = read.quantities.length > 0 ? `, states ${read.quantities.join(", ")}` : "";
  out.push(`${read.item.name} (${read.item.id})`, `  read from "${profile.input}": ${how}${grade}${stated}`, `  ${read.why}`);
  out.push(`  rules ${profile.rules.version} (${profile.rules.source}), as of ${profile.asOf}`, "");

  out.push("China's share of world supply");
  const used = chinaShare.usedByScore;
  out.push(`  used by the score: ${used ? `${formatShare(used.share)} (${used.year}, ${used.itemId === read.item.id ? "the item's own figure" : `from ${used.itemId}`})` : "none (full dependence assumed for a supplier outside China)"}`);
  for (const stage of ["mining", "processing"] as const) {
    const figure = chinaShare[stage];
    if (figure) out.push(`  item figure, ${stage}: ${formatShare(figure.share)} (${figure.year}${figure.basis ? `; ${figure.basis}` : ""})`);
  }
  if (alternatives.stages.length > 0) {
    out.push("  by stage (producer figures):", ...columns([["stage", "year", "China", "outside", "HHI", "conf.", "material"], ...alternatives.stages.map(stageLine)], "    "));
  } else out.push("  by stage: no producer figures for this item itself");
  out.push("");

  out.push(`Controls on ${profile.asOf}`);
  if (profile.controls.length === 0) out.push("  none apply");
  else {
    out.push(
      ...columns(
        profile.controls.map((c) => [
          `${c.id}${c.citation ? ` [${c.citation}]` : ""}`,
          `${c.status.replace("_", " ")} since ${c.since}${c.until ? ` until ${c.until}` : ""}`,
          c.category,
          c.via,
          c.gradeCondition ? `grade: ${c.gradeCondition}` : "",
        ]),
      ),
    );
  }
  out.push("");

  out.push("Where else it is produced");
  const binding = alternatives.binding;
  out.push(binding ? `  binding stage: ${binding.reason}` : "  binding stage: none (no producer figure gives China's share)");
  const blocks: StageSupply[] = [...alternatives.stages];
  if (alternatives.answer && !blocks.includes(alternatives.answer.supply)) blocks.unshift(alternatives.answer.supply);
  if (blocks.length === 0) out.push("  no country breakdown: the rules give no producer figures for this item or what it contains");
  for (const supply of blocks) out.push(...producersBlock(supply));
  if (alternatives.otherFigures.length > 0) {
    out.push("  other figures:", ...columns(alternatives.otherFigures.map((s) => [s.figureId, ...stageLine(s).slice(0, 4)]), "    "));
  }
  if (profile.warnings.length > 0) out.push("", "Warnings", ...profile.warnings.map((w) => `  ${w}`));
  return `${out.map(printable).join("\n")}\n`;
}
