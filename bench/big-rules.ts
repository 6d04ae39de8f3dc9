/**
 * A valid rules document of about a megabyte, for the parse + validate + compile figure: the bundled
 * ruleset repeated as "series" with their own ids, aliases, HS codes and controls, so the text has the
 * real document's shape and proportions (descriptions, sources, timelines) at several times its size.
 */
import type { RulesDocumentInput } from "../src/rules/schema";

type ItemInput = RulesDocumentInput["items"][number];
type ControlInput = RulesDocumentInput["controls"][number];

/** HS codes of a series start with 9 followed by the series digit; no real code in the bundle does. */
/** A China tariff line of its own for each series, item and code (ten digits, as the announcements cite them). */
function seriesHsCode(series: number, itemIndex: number, codeIndex: number): { code: string; system: "CN" } {
  return { code: `9${String(series).padStart(3, "0")}${String(itemIndex).padStart(3, "0")}${String(codeIndex).padStart(3, "0")}`, system: "CN" };
}

function seriesItem(item: ItemInput, itemIndex: number, series: number): ItemInput {
  const idOf = (id: string) => `${id}-s${series}`;
  return {
    ...item,
    id: idOf(item.id),
    name: `${item.name} series ${series}`,
    aliases: (item.aliases ?? []).map((alias) => `${alias} series ${series}`),
    ...(item.names ? { names: Object.fromEntries(Object.entries(item.names).map(([language, names]) => [language, (names ?? []).map((name) => `${name} series ${series}`)])) } : {}),
    ...(item.about ? { about: item.about.map(idOf) } : {}),
    hsCodes: (item.hsCodes ?? []).map((_, codeIndex) => seriesHsCode(series, itemIndex, codeIndex)),
    contains: (item.contains ?? []).map((entry) => (typeof entry === "string" ? idOf(entry) : { ...entry, item: idOf(entry.item) })),
  };
}

function seriesControl(control: ControlInput, series: number): ControlInput {
  return {
    ...control,
    id: `${control.id}-S${series}`,
    title: `${control.title} (series ${series})`,
    items: (control.items ?? []).map((entry) => (typeof entry === "string" ? `${entry}-s${series}` : { ...entry, item: `${entry.item}-s${series}` })),
  };
}

/** The bundled document plus as many series as it takes to reach `targetBytes` of JSON text. */
export function bigRulesText(bundled: RulesDocumentInput, targetBytes: number): { text: string; items: number; controls: number } {
  if (bundled.items.length > 999) throw new Error("the series HS codes leave room for 999 items per series");
  const document: RulesDocumentInput = { ...bundled, items: [...bundled.items], controls: [...bundled.controls] };
  let text = JSON.stringify(document, null, 2);
  for (let series = 1; text.length < targetBytes; series++) {
    if (series > 9) throw new Error("more than 9 series would need longer HS codes");
    document.items.push(...bundled.items.map((item, index) => seriesItem(item, index, series)));
    document.controls.push(...bundled.controls.map((control) => seriesControl(control, series)));
    text = JSON.stringify(document, null, 2);
  }
  return { text, items: document.items.length, controls: document.controls.length };
}
