/**
 * The PROFILE card (src/functions/profile-card.ts) as an Excel entity value. Its shape is typed with
 * @types/office-js (Excel.EntityCellValue and the card layout types), so a wrong shape fails `tsc`;
 * these tests check what the typings cannot: that every field the layout names exists, arrays are
 * rectangular, and the content is the rules' and the engine's — figures, sources, severities and dates
 * read from the fixture files, scores from the engine for the same row.
 */
import * as fs from "fs";
import * as path from "path";
import { compileRules, scoreRow, scoreRows, type CompiledRules, type RowInput } from "../../src/engine";
import * as supply from "../../src/engine/alternatives";
import {
  ALTERNATIVE_COLUMNS,
  CONTROL_COLUMNS,
  PROFILE_FIELDS,
  PROFILE_SECTIONS,
  WARNING_COLUMNS,
  profileCard,
  type ProfileFacts,
} from "../../src/functions/profile-card";
import smallRules from "../fixtures/rules/small-rules.json";
import gradesRules from "../fixtures/rules/grades-rules.json";
import { checkedRules } from "../rules/checked";

const ON = "2025-06-01";

function compile(document: unknown): CompiledRules {
  return compileRules(checkedRules(structuredClone(document)));
}

const SMALL = compile(smallRules);
const GRADES = compile(gradesRules);

function factsFor(rules: CompiledRules, input: RowInput, asOf = ON): ProfileFacts {
  const row = scoreRow(input, rules, { asOf });
  if (!row.ok) throw new Error(row.error.code);
  return { commodity: String(input.commodity), row, rules, supply };
}

const card = (rules: CompiledRules, input: RowInput, asOf = ON): Excel.EntityCellValue => profileCard(factsFor(rules, input, asOf));

function property(entity: Excel.EntityCellValue, name: string): Excel.CellValue {
  const value = entity.properties?.[name];
  if (value === undefined) throw new Error(`no property ${name}`);
  return value as Excel.CellValue;
}

function numberOf(entity: Excel.EntityCellValue, name: string): { value: number; format?: string } {
  const value = property(entity, name) as Excel.FormattedNumberCellValue | Excel.DoubleCellValue;
  return { value: value.basicValue, format: value.numberFormat };
}

function textOf(entity: Excel.EntityCellValue, name: string): string {
  return (property(entity, name) as Excel.StringCellValue).basicValue;
}

/** An array field as plain rows (basic values), header first. */
function rowsOf(entity: Excel.EntityCellValue, name: string): unknown[][] {
  const array = property(entity, name) as Excel.ArrayCellValue;
  expect(array.type).toBe("Array");
  return array.elements.map((row) => row.map((cell) => (cell as { basicValue?: unknown }).basicValue));
}

const fixtureControl = (id: string) => smallRules.controls.find((control) => control.id === id)!;
const fixtureItem = (id: string) => smallRules.items.find((item) => item.id === id)!;

describe("the shape Excel reads", () => {
  const gallium = card(SMALL, { commodity: "gallium", supplierCountry: "Japan", siteCountry: "US" });

  test("an entity whose text is the item's name, titled by Item and subtitled by the commodity as given", () => {
    const asCellValue: Excel.CellValue = gallium; // what a custom function returns and Range.valuesAsJson takes
    expect(asCellValue.type).toBe("Entity");
    expect(gallium.text).toBe(fixtureItem("gallium").name);
    expect(gallium.layouts?.card?.title).toEqual({ property: "Item" });
    expect(gallium.layouts?.card?.subTitle).toEqual({ property: "Commodity" });
    expect(gallium.layouts?.compact?.icon).toBe("Box");
    expect(gallium.provider?.description).toContain(smallRules.version);
  });

  test("basicType and basicValue are left to Excel, which gives an entity the #VALUE! error as basic value", () => {
    expect(gallium.basicType).toBeUndefined();
    expect(gallium.basicValue).toBeUndefined();
  });

  test("every section is a list of properties that exist, and every property is shown in exactly one section", () => {
    const sections = gallium.layouts!.card!.sections!;
    const shown = sections.flatMap((section) => section.properties);
    for (const section of sections) expect(section.layout).toBe("List");
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.sort()).toEqual(Object.keys(gallium.properties!).sort());
  });

  test("each value's basic value has the type its `type` says; arrays are rectangular", () => {
    for (const [name, raw] of Object.entries(gallium.properties!)) {
      const value = raw as Excel.CellValue;
      if (value.type === "Array") {
        const widths = new Set(value.elements.map((row) => row.length));
        expect({ name, widths: [...widths] }).toEqual({ name, widths: [value.elements[0].length] });
        continue;
      }
      const expected = { String: "string", FormattedNumber: "number", Double: "number", Boolean: "boolean" }[value.type as string];
      expect({ name, type: typeof (value as { basicValue?: unknown }).basicValue }).toEqual({ name, type: expected });
    }
  });

  test("the typings refuse shapes Excel would refuse, so a wrong card does not compile", () => {
    // @ts-expect-error a card section is laid out as "List", "Table" or "TwoColumn"
    const section: Excel.CardLayoutSection = { layout: "Grid", properties: [] };
    // @ts-expect-error a formatted number's basic value is a number, not text
    const number: Excel.FormattedNumberCellValue = { type: "FormattedNumber", basicValue: "80", numberFormat: "0.0" };
    // @ts-expect-error an entity's basic type can only be Error
    const entity: Excel.EntityCellValue = { type: "Entity", basicType: "Double" };
    expect([section, number, entity].every((shape) => typeof shape === "object")).toBe(true);
  });
});

describe("field names", () => {
  test("are the documented, stable list", () => {
    expect(Object.values(PROFILE_FIELDS)).toEqual([
      "Item", "Item id", "Commodity", "Match method", "Match confidence", "Grade", "Stated figures", "Supplier country",
      "Site country", "As of", "Overall", "Minerals", "Technology", "Equipment", "Personnel", "China share",
      "China share year", "China share source", "China share item", "China mining share", "China mining share year",
      "China mining share source", "China processing share", "China processing share year",
      "China processing share source", "Controls", "China's lists", "Listed name", "List", "Notice", "Notice date",
      "Listing standing", "Listing source", "Binding stage", "Outside China share", "Alternatives", "Warnings", "Rules version",
      "Rules reviewed", "Explanation",
    ]);
    expect([...ALTERNATIVE_COLUMNS]).toEqual(["Country", "Share", "Year", "Source"]);
    expect([...CONTROL_COLUMNS]).toEqual(["Id", "Title", "Category", "Status", "Since", "Until", "Severity", "Citation", "Source", "Unconfirmed"]);
    expect([...WARNING_COLUMNS]).toEqual(["Code", "Control", "Message"]);
  });

  test("docs/functions.md lists every field and array column", () => {
    const docs = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
    const profile = docs.split(/^## /m).find((part) => part.startsWith("PROFILE\n"))!;
    for (const name of [...Object.values(PROFILE_FIELDS), ...CONTROL_COLUMNS, ...ALTERNATIVE_COLUMNS, ...WARNING_COLUMNS]) {
      expect(profile).toContain(`\`${name}\``);
    }
  });
});

describe("content", () => {
  test("the scores are the engine's for the same row, as numbers formatted to one decimal", () => {
    const input = { commodity: "NdFeB magnet", supplierCountry: "China", siteCountry: "Germany" };
    const engine = factsFor(SMALL, input).row;
    const entity = card(SMALL, input);
    expect(numberOf(entity, "Overall")).toEqual({ value: engine.score, format: "0.0" });
    expect(engine.score).toBeGreaterThan(0);
    expect(numberOf(entity, "Minerals")).toEqual({ value: engine.categories.minerals, format: "0.0" });
    expect(numberOf(entity, "Technology")).toEqual({ value: engine.categories.technology, format: "0.0" });
    expect(numberOf(entity, "Equipment")).toEqual({ value: engine.categories.equipment, format: "0.0" });
    expect(numberOf(entity, "Personnel")).toEqual({ value: engine.categories.personnel, format: "0.0" });
  });

  test("how the text was read: item, id, method, confidence, countries by their ISO English names and the date", () => {
    const entity = card(SMALL, { commodity: "neo magnet", supplierCountry: "CN", siteCountry: "DE" });
    expect(textOf(entity, "Item")).toBe("NdFeB magnet");
    expect(textOf(entity, "Item id")).toBe("ndfeb-magnet");
    expect(textOf(entity, "Commodity")).toBe("neo magnet");
    expect(textOf(entity, "Match method")).toBe("alias");
    expect(numberOf(entity, "Match confidence")).toEqual({ value: 1, format: "0%" });
    expect(textOf(entity, "Grade")).toBe("");
    expect(textOf(entity, "Stated figures")).toBe("");
    expect(textOf(entity, "Supplier country")).toBe("People's Republic of China");
    expect(textOf(entity, "Site country")).toBe("Germany");
    expect(textOf(entity, "As of")).toBe(ON);
  });

  test("a grade and figures named in the text are on the card", () => {
    const magnet = card(GRADES, { commodity: "NdFeB magnet N42SH", supplierCountry: "DE" }, "2025-06-01");
    expect(textOf(magnet, "Grade")).toBe("Dy/Tb-bearing grade");
    const powder = card(GRADES, { commodity: "molybdenum powder 3-5 µm", supplierCountry: "DE" }, "2025-06-01");
    expect(textOf(powder, "Stated figures")).toContain("3-5 µm");
  });

  test("China's shares: the item's own processing figure with year and source; a missing stage is not a field", () => {
    const figure = fixtureItem("gallium").chinaShare!.processing!;
    const entity = card(SMALL, { commodity: "gallium", supplierCountry: "Japan" });
    expect(numberOf(entity, "China processing share")).toEqual({ value: figure.share, format: "0%" });
    expect(numberOf(entity, "China processing share year").value).toBe(figure.year);
    expect(textOf(entity, "China processing share source")).toBe(figure.source);
    expect(numberOf(entity, "China share")).toEqual({ value: figure.share, format: "0%" });
    expect(textOf(entity, "China share item")).toBe("Gallium");
    expect(entity.properties).not.toHaveProperty("China mining share");
    expect(entity.properties).not.toHaveProperty("China mining share year");
  });

  test("an item with no figure of its own shows the component figure the score uses, and says whose it is", () => {
    const galliumFigure = fixtureItem("gallium").chinaShare!.processing!;
    const entity = card(SMALL, { commodity: "GaAs wafer", supplierCountry: "Japan" });
    expect(numberOf(entity, "China share").value).toBe(galliumFigure.share);
    expect(textOf(entity, "China share item")).toBe("Gallium");
    expect(textOf(entity, "China share source")).toBe(galliumFigure.source);
    expect(entity.properties).not.toHaveProperty("China processing share");
  });

  test("an item with no figure at all has no China share fields and no such section", () => {
    const entity = card(SMALL, { commodity: "steel", supplierCountry: "Japan" });
    expect(Object.keys(entity.properties!).filter((name) => name.startsWith("China"))).toEqual([]);
    expect(entity.layouts!.card!.sections!.map((section) => section.title)).not.toContain("China's share of world supply");
  });

  test("the controls that apply on the date, strongest first, with the rules' severity, dates and source", () => {
    const input = { commodity: "gallium", supplierCountry: "Japan", siteCountry: "US" };
    const rows = rowsOf(card(SMALL, input), "Controls");
    expect(rows[0]).toEqual([...CONTROL_COLUMNS]);
    const dualUse = fixtureControl("CN-2024-US-DUALUSE");
    const gaGe = fixtureControl("CN-2023-GA-GE");
    // Both are in force on 2025-06-01 (fixture timelines); the US ban is the stronger (severity 0.9 over 0.6).
    expect(rows.slice(1)).toEqual([
      [dualUse.id, dualUse.title, "minerals", "in_force", "2024-12-03", "", dualUse.severity, "", dualUse.sources[0].url, false],
      [gaGe.id, gaGe.title, "minerals", "in_force", "2023-08-01", "", gaGe.severity, "", gaGe.sources[0].url, false],
    ]);
  });

  test("a dated status shows its last day; without a site country the US-only measure is not listed", () => {
    const rows = rowsOf(card(SMALL, { commodity: "gallium", supplierCountry: "Japan", siteCountry: "US" }, "2025-12-01"), "Controls");
    expect(rows.find((row) => row[0] === "CN-2024-US-DUALUSE")?.slice(3, 6)).toEqual(["suspended", "2025-11-09", "2026-11-27"]);
    const noSite = rowsOf(card(SMALL, { commodity: "gallium", supplierCountry: "Japan" }), "Controls");
    expect(noSite.map((row) => row[0])).toEqual(["Id", "CN-2023-GA-GE"]);
  });

  test("no control: the array is its header alone and the section says none", () => {
    const entity = card(SMALL, { commodity: "steel", supplierCountry: "Japan" });
    expect(rowsOf(entity, "Controls")).toEqual([[...CONTROL_COLUMNS]]);
    expect(entity.layouts!.card!.sections!.map((section) => section.title)).toContain(`Controls on ${ON}: none`);
  });

  test("an unconfirmed status: citation, the unconfirmed flag and the status_unconfirmed warning", () => {
    const entity = card(GRADES, { commodity: "GaAs wafer", supplierCountry: "DE", siteCountry: "US", chinaInputShare: 1 }, "2026-12-01");
    const [header, control] = rowsOf(entity, "Controls");
    expect(header).toEqual([...CONTROL_COLUMNS]);
    expect(control).toEqual([
      "T-US-CL2", expect.any(String), "minerals", "in_force", "2026-11-28", "", 0.9, "No. 46/2024 cl. 2", expect.stringMatching(/^https:/), true,
    ]);
    const warnings = rowsOf(entity, "Warnings");
    expect(warnings[0]).toEqual([...WARNING_COLUMNS]);
    expect(warnings).toContainEqual(["status_unconfirmed", "T-US-CL2", expect.stringContaining("no public source on an extension")]);
  });

  test("a grade the text does not settle: the grade_dependent warning quoting the condition", () => {
    const entity = card(GRADES, { commodity: "molybdenum", supplierCountry: "DE", chinaInputShare: 1 }, "2026-11-20");
    expect(rowsOf(entity, "Warnings")).toContainEqual(["grade_dependent", "T-MO", expect.stringContaining("only Mo powder of 50 µm or finer")]);
  });

  test("the rules version and review date, and the engine's one-line explanation", () => {
    const facts = factsFor(SMALL, { commodity: "gallium", supplierCountry: "Japan" });
    const entity = profileCard(facts);
    expect(textOf(entity, "Rules version")).toBe(smallRules.version);
    expect(textOf(entity, "Rules reviewed")).toBe(smallRules.reviewedAt);
    expect(textOf(entity, "Explanation")).toBe(facts.row.explanation);
  });
});

test("a section is one function: adding one adds its fields and its part of the layout", () => {
  const facts = factsFor(SMALL, { commodity: "gallium", supplierCountry: "Japan" });
  const screening = () => ({ title: "Entity-list screening", properties: { Screening: { type: "String", basicValue: "no listed party" } as Excel.CellValue } });
  const entity = profileCard(facts, [...PROFILE_SECTIONS, screening as never]);
  expect(textOf(entity, "Screening")).toBe("no listed party");
  expect(entity.layouts!.card!.sections!.at(-1)).toEqual({
    layout: "List",
    title: "Entity-list screening",
    collapsible: true,
    collapsed: false,
    properties: ["Screening"],
  });
});

describe("the supplier's entity-list match and where else the item is produced", () => {
  const bundled = () => {
    return compileRules(checkedRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8")));
  };

  test("a listed supplier's card names the notice that leads, as the research file gives it (ECL-2026-23, 22 Jun 2026)", () => {
    const rules = bundled();
    const [result] = scoreRows([{ commodity: "NdFeB magnet", supplierCountry: "US", siteCountry: "US", supplierName: "MP Materials Corp.", asOf: "2026-07-01" }], rules, {
      asOf: "2026-07-01",
    });
    if (!result.ok) throw new Error(result.error.code);
    const entity = profileCard({ commodity: "NdFeB magnet", row: result, rules, supply });
    const textOf = (field: string) => (entity.properties![field] as Excel.StringCellValue | undefined)?.basicValue;
    expect(textOf("China's lists")).toBe("listed");
    expect(textOf("Listed name")).toBe("MP Materials Corp.");
    expect(textOf("Notice")).toMatch(/^ECL-2026-23\b/);
    expect(textOf("Notice date")).toBe("2026-06-22");
    expect(textOf("Listing standing")).toBe("listed since 2026-06-22");
  });

  test("no supplier name: no China's-lists fields on the card", () => {
    const rules = bundled();
    const [result] = scoreRows([{ commodity: "NdFeB magnet", supplierCountry: "US" }], rules, { asOf: "2026-07-01" });
    if (!result.ok) throw new Error(result.error.code);
    const entity = profileCard({ commodity: "NdFeB magnet", row: result, rules, supply });
    expect(Object.keys(entity.properties!)).not.toContain("China's lists");
  });

  test("lithium carbonate binds at chemical refining, 29.8 % made outside China, Chile first (producers.md §19, IEA 2024)", () => {
    const rules = bundled();
    const [result] = scoreRows([{ commodity: "lithium carbonate", supplierCountry: "CL" }], rules, { asOf: "2026-07-01" });
    if (!result.ok) throw new Error(result.error.code);
    const entity = profileCard({ commodity: "lithium carbonate", row: result, rules, supply });
    expect((entity.properties!["Binding stage"] as Excel.StringCellValue).basicValue).toBe("refining (2024)");
    const outside = entity.properties!["Outside China share"] as Excel.FormattedNumberCellValue;
    expect(outside.basicValue).toBeCloseTo(0.298, 6);
    const producers = (entity.properties!["Alternatives"] as Excel.ArrayCellValue).elements;
    expect(producers[0].map((cell) => (cell as Excel.StringCellValue).basicValue)).toEqual(["Country", "Share", "Year", "Source"]);
    expect((producers[1][0] as Excel.StringCellValue).basicValue).toBe("Chile");
    expect((producers[1][1] as Excel.FormattedNumberCellValue).basicValue).toBeCloseTo(0.204, 6);
  });
});
