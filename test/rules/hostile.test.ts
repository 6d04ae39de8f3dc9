/**
 * Rules files come from the network. These are generated documents built to break or stall the loader:
 * each must come back as a coded refusal (or load), never as a thrown error or a stack overflow.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alternativesFor } from "../../src/engine/alternatives";
import { compileRules } from "../../src/engine/compile";
import { scoreRow } from "../../src/engine/score";
import { parseRules } from "../../src/rules/parse";
import { MAX_CONTAINS_DEPTH } from "../../src/rules/vocabulary";

const minimal = () => JSON.parse(readFileSync(join(__dirname, "fixtures", "minimal-valid.json"), "utf8"));

function withChain(length: number) {
  const doc = minimal();
  for (let k = 0; k < length; k++) {
    doc.items.push({ id: `link-${k}`, name: `Link ${k}`, contains: [k + 1 < length ? `link-${k + 1}` : "gallium"] });
  }
  return doc;
}

test("a contains chain of 2,500 items is refused with one coded issue, without overflowing the stack", () => {
  const parsed = parseRules(JSON.stringify(withChain(2_500)));
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) {
    expect(parsed.issues.map((i) => i.code)).toEqual(["contains_too_deep"]);
    // link-k sits at items[3 + k] and has 2,500 − k levels below it; the limit is first passed at 13 levels.
    expect(parsed.issues[0].path).toBe(`items[${3 + 2_500 - (MAX_CONTAINS_DEPTH + 1)}].contains`);
  }
});

test("a contains loop through 2,500 items is reported once, without overflowing the stack", () => {
  const doc = withChain(2_500);
  doc.items[doc.items.length - 1].contains = ["link-0"];
  const parsed = parseRules(JSON.stringify(doc));
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toEqual(["contains_cycle"]);
});

test("a chain at the depth limit loads, and a control on its last link reaches its first", () => {
  const parsed = parseRules(JSON.stringify(withChain(MAX_CONTAINS_DEPTH)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const compiled = compileRules(parsed.rules);
  const row = scoreRow({ commodity: "Link 0", supplierCountry: "DE", chinaInputShare: 1 }, compiled, { asOf: "2025-06-01" });
  if (!row.ok) throw new Error(row.error.code);
  const hit = row.hits.find((h) => h.controlId === "CN-2023-GA-GE")!;
  expect(hit.via).toMatchObject({ kind: "contains", itemId: "gallium" });
  if (hit.via.kind === "contains") expect(hit.via.path).toHaveLength(MAX_CONTAINS_DEPTH + 1);
});

test.each([
  ["credentials", "https://user:secret@rules.example.com/x"],
  ["a space", "https://rules.example.com/a b"],
  ["a control character", "https://rules.example.com/\u0007x"],
  ["plain http", "http://rules.example.com/x"],
])("a source link with %s is refused as insecure_url", (_what, url) => {
  const doc = minimal();
  doc.controls[0].sources[0].url = url;
  const parsed = parseRules(JSON.stringify(doc));
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([["insecure_url", "controls[0].sources[0].url"]]);
});

test("several items may share a code (read as ambiguous later); one item may not list a code twice", () => {
  const shared = minimal();
  shared.items[1].hsCodes.push({ code: "8112929010", system: "CN" });
  expect(parseRules(JSON.stringify(shared)).ok).toBe(true);
  const twice = minimal();
  twice.items[2].hsCodes.push("7208");
  const parsed = parseRules(JSON.stringify(twice));
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([["duplicate_hs_code", "items[2].hsCodes[1]"]]);
});

test("thousands of producer figures on one item, and one figure on thousands of items, load and answer", () => {
  const doc = minimal();
  const figure = (id: string, items: string[], year: number) => ({
    id,
    items,
    material: "gallium",
    stage: "refining",
    year,
    china: { share: 0.97 },
    countries: [{ country: "JP", share: 0.01 }],
    sources: [{ url: "https://example.com/x" }],
    confidence: "C",
  });
  for (let k = 0; k < 3_000; k++) doc.items.push({ id: `part-${k}`, name: `Part ${k}`, chinaShare: { processing: { share: 0.97, year: 2023, source: "https://example.com/s" } } });
  doc.producers = [
    ...Array.from({ length: 3_000 }, (_, k) => figure(`gallium-${k}`, ["gallium"], 1990 + (k % 100))),
    figure("every-part", doc.items.slice(3).map((item: { id: string }) => item.id), 2023),
  ];
  const parsed = parseRules(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  const compiled = compileRules(parsed.rules);
  expect(alternativesFor(compiled, "gallium")!.stages.map((s) => s.year)).toEqual([2089]);
  expect(alternativesFor(compiled, "part-2999")!.binding?.supply.figureId).toBe("every-part");
});
