import { readFileSync } from "node:fs";
import { join } from "node:path";
import { aliasIdentity, formatIssue, formatPath, parseRules } from "../../src/rules/parse";

const minimalText = readFileSync(join(__dirname, "fixtures/minimal-valid.json"), "utf8");
const minimal = () => JSON.parse(minimalText);

describe("parseRules", () => {
  it("accepts the same document as text or as a value, and applies defaults", () => {
    const fromText = parseRules(minimalText);
    const fromValue = parseRules(minimal());
    expect(fromText).toEqual(fromValue);
    if (!fromText.ok) throw new Error("expected valid");
    const steel = fromText.rules.items.find((item) => item.id === "steel")!;
    expect(steel.contains).toEqual([]);
    expect(fromText.rules.controls[0]).toMatchObject({ anyItem: false });
    expect(fromText.rules.controls[1].scope).toMatchObject({ extraterritorial: false });
  });

  it("refuses a newer format version with one issue, whatever else is wrong", () => {
    const doc = minimal();
    doc.schemaVersion = 7;
    doc.controls = "this would be a shape error in version 1";
    doc.brandNewField = { anything: true };
    const result = parseRules(doc);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: "schema_version_unsupported", path: "schemaVersion", segments: ["schemaVersion"] })],
    });
  });

  it("reports every shape issue, each with a path string and its segments", () => {
    const doc = minimal();
    doc.controls[1].timeline[1].until = "2026-13-01";
    doc.items[0].chinaShare.processing.share = -0.1;
    const result = parseRules(doc);
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "invalid_date", path: "controls[1].timeline[1].until", segments: ["controls", 1, "timeline", 1, "until"] }),
        expect.objectContaining({ code: "share_out_of_range", path: "items[0].chinaShare.processing.share" }),
      ]),
    );
    expect(result.issues).toHaveLength(2);
  });

  it("reads the optional matching fields: an item's about, exclusions and names, and the shared non-goods", () => {
    const doc = minimal();
    const goodsId = doc.items[0].id;
    doc.schemaVersion = 2;
    doc.items[0].exclusions = [`${goodsId}-free`];
    doc.items[0].names = { de: ["Prüfstoff"], ja: ["ガリウム"] };
    doc.items.push({ id: "process-know-how", name: "Process know-how", kind: "technology", about: [goodsId] });
    doc.matching = { nonGoods: [{ id: "services", phrases: ["consulting"], exceptKinds: ["technology", "service"] }] };
    const result = parseRules(doc);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    expect(result.rules.items.at(-1)).toMatchObject({ kind: "technology", about: [goodsId] });
    expect(result.rules.matching?.nonGoods[0]).toEqual({ id: "services", phrases: ["consulting"], exceptKinds: ["technology", "service"] });
    // Without them the document is as valid as before: every matching field is optional.
    const plain = parseRules(minimal());
    expect(plain.ok && plain.rules.matching).toBeUndefined();
  });

  it("takes names in Dutch, Polish and Swedish, and refuses a language code it does not know", () => {
    const doc = minimal();
    doc.schemaVersion = 2;
    doc.items[0].names = { nl: ["Wolfraam"], pl: ["węglik wolframu"], sv: ["volfram"] };
    const result = parseRules(doc);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    expect(result.rules.items[0].names).toEqual({ nl: ["Wolfraam"], pl: ["węglik wolframu"], sv: ["volfram"] });
    const unknown = minimal();
    unknown.schemaVersion = 2;
    unknown.items[0].names = { xx: ["Wolfram"] };
    const refused = parseRules(unknown);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0].path).toBe("items[0].names.xx");
  });

  it("reports a JSON syntax error as one invalid_json issue", () => {
    const result = parseRules('{"schemaVersion": 1,');
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "invalid_json", path: "" })] });
  });

  it("gives every issue a non-empty English message", () => {
    const doc = minimal();
    doc.controls[0].items = ["galium"];
    doc.publisher.url = "http://rules.example.com/";
    const result = parseRules(doc);
    if (result.ok) throw new Error("expected issues");
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});

describe("formatting", () => {
  it("writes paths the way a reader types them", () => {
    expect(formatPath(["controls", 12, "timeline", 1, "until"])).toBe("controls[12].timeline[1].until");
    expect(formatPath([])).toBe("");
  });

  it("prints one line per issue with its path and code", () => {
    expect(formatIssue({ code: "unknown_item", path: "controls[3].items[0]", message: 'no item has the id "galium"' })).toBe(
      'controls[3].items[0]: no item has the id "galium" [unknown_item]',
    );
    expect(formatIssue({ code: "invalid_json", path: "", message: "broken" })).toBe("(document): broken [invalid_json]");
  });

  it("treats aliases that differ only in case, spacing or subscripts as the same name", () => {
    expect(aliasIdentity("Ga₂O₃")).toBe(aliasIdentity("ga2o3"));
    expect(aliasIdentity("  NdFeB   Magnet ")).toBe(aliasIdentity("ndfeb magnet"));
    expect(aliasIdentity("GaAs")).not.toBe(aliasIdentity("GaN"));
  });
});

describe("docs/rules-format.md", () => {
  it("leads with an example that parses", () => {
    const markdown = readFileSync(join(__dirname, "../../docs/rules-format.md"), "utf8");
    const firstJsonBlock = /```json\n([\s\S]*?)\n```/.exec(markdown)![1];
    const result = parseRules(firstJsonBlock);
    expect(result).toMatchObject({ ok: true });
  });
});

describe("listings (China's entity lists)", () => {
  const withListings = () => JSON.parse(readFileSync(join(__dirname, "fixtures/minimal-valid-listings.json"), "utf8"));

  it("are optional: a document without them reads as having none, with the default listing weights", () => {
    const parsed = parseRules(minimal());
    if (!parsed.ok) throw new Error("expected valid");
    expect(parsed.rules.listings).toEqual([]);
    expect(parsed.rules.weights.listings).toEqual({
      effects: { dual_use_ban: 1, licence_review: 0.5, trade_ban: 1, transaction_ban: 1 },
      status: { listed: 1, suspended: 0.25, lifted: 0, cancelled: 0 },
    });
  });

  it("read actions and entities with their defaults; a notice whose names were not found gives only the count", () => {
    const parsed = parseRules(withListings());
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join("\n"));
    const [ecl, mof] = parsed.rules.listings;
    expect(ecl.timeline[0]).toEqual({ status: "listed", from: "2026-06-22", unconfirmed: false });
    expect(ecl.entities[1]).toEqual({ name: "USA Rare Earth, Inc.", countries: ["US"], countryInferred: false, aliases: ["USAR"], units: [] });
    expect(mof).toMatchObject({ entities: [], unnamedEntities: 46, effects: ["procurement_ban"] });
  });

  it("refuse an effect or a country the schema does not know", () => {
    const doc = withListings();
    doc.listings[0].effects = ["dual_use_ban", "embargo"];
    doc.listings[0].entities[0].countries = ["USA"];
    const result = parseRules(doc);
    if (result.ok) throw new Error("expected issues");
    expect(result.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "invalid_value", path: "listings[0].effects[1]" },
      { code: "unknown_country", path: "listings[0].entities[0].countries[0]" },
    ]);
  });
});
