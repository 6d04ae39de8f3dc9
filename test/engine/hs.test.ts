import { buildHsIndex, describeHsCode, findHsCodes, formatHsCode, resolveHsCode, staticNomenclature } from "../../src/engine/hs";

describe("HS codes in commodity text", () => {
  test.each([
    ["8505.11", "850511", null],
    ["850511", "850511", null],
    ["HS 8505.11", "850511", "HS"],
    ["HS code: 850511", "850511", "HS"],
    ["HTS 8505.11.0000", "8505110000", "US"],
    ["HTSUS 8505.11.00.70", "8505110070", "US"],
    ["CN 8505 11 00", "85051100", "EU"],
    ["TARIC 8505 11 00 00", "8505110000", "EU"],
    ["Tariff no. 8505.11.00", "85051100", null],
    ["8112929010", "8112929010", null],
    ["8112.92.90.10", "8112929010", null],
    ["85 05 11 00", "85051100", null],
    ["50400", "050400", null],
    ["NdFeB magnets HS 8505.11", "850511", "HS"],
    ["2836.91.00 Lithium carbonate battery grade", "28369100", null],
  ])("%s → %s (%s)", (text, digits, system) => {
    const [code] = findHsCodes(text);
    expect(code).toMatchObject({ digits, system });
  });

  test.each([
    ["CAS 7440-55-3", "a CAS number"],
    ["Gallium 99.99%, price 1000.00 per kg", "a price whose first four digits are no HS heading"],
    ["Lot 20231234 gallium", "an 8-digit lot number under no heading"],
    ["PDC cutters 1613", "a bare 4-digit part number inside text"],
    ["NCM811 hydroxide precursor", "digits inside a word"],
  ])("%s is not an HS code (%s)", (text) => expect(findHsCodes(text)).toEqual([]));

  test("the code and its label are located, so the rest of the line can be read as words", () => {
    const text = "Gallium ingot, HS 8112.92";
    const [code] = findHsCodes(text);
    expect(text.slice(code.start, code.end)).toBe("HS 8112.92");
  });

  test.each([
    ["PARTIDA 8505.11 IMANES DE NEODIMIO", "PARTIDA 8505.11"],
    ["FRACC. 2805.19.01 LITIO METALICO", "FRACC. 2805.19.01"],
    ["Fracción arancelaria 8112.92.01 indio", "Fracción arancelaria 8112.92.01"],
    ["Tungsten carbide powder | HSN 28499020 | 50 kg", "HSN 28499020"],
    ["voce doganale 8505 11 00 magneti", "voce doganale 8505 11 00"],
  ])("the labels of national tariffs are part of the code: %s", (text, written) => {
    const [code] = findHsCodes(text);
    expect(text.slice(code.start, code.end)).toBe(written);
  });

  test("written as each tariff writes it", () => {
    expect(formatHsCode("850511")).toBe("8505.11");
    expect(formatHsCode("8112929010")).toBe("8112.92.90.10");
    expect(formatHsCode("8505110000", "US")).toBe("8505.11.0000");
    expect(formatHsCode("85051100", "EU")).toBe("8505 11 00");
  });
});

describe("reading a code against the items' codes", () => {
  const index = buildHsIndex([
    { itemId: "magnet", code: "850511", system: "HS" },
    { itemId: "gallium", code: "8112929010", system: "CN" },
    { itemId: "germanium", code: "8112921090", system: "CN" },
    { itemId: "doped-a", code: "381800", system: "HS" },
    { itemId: "doped-b", code: "381800", system: "HS" },
    { itemId: "doped-b", code: "3818009004", system: "CN" },
  ]);
  const read = (text: string) => resolveHsCode(index, findHsCodes(text)[0]);

  test("the longest claimed prefix decides", () => {
    expect(read("8505110090")).toMatchObject({ outcome: "item", itemIds: ["magnet"], claimedCode: "850511" });
    expect(read("3818009004")).toMatchObject({ outcome: "item", itemIds: ["doped-b"], claimedCode: "3818009004" });
  });

  test("a code several items claim is ambiguous, with every candidate", () => {
    expect(read("HS 3818.00")).toMatchObject({ outcome: "ambiguous", itemIds: ["doped-a", "doped-b"] });
  });

  test("a subheading items have national lines under is ambiguous between them, never one of them", () => {
    expect(read("HS 8112.92")).toMatchObject({ outcome: "ambiguous", itemIds: ["gallium", "germanium"] });
  });

  test("a national line another tariff writes is compared only to six digits", () => {
    expect(read("HTS 8112.92.9010")).toMatchObject({ outcome: "unclaimed", itemIds: ["gallium", "germanium"] });
    expect(read("8112.92.90.10")).toMatchObject({ outcome: "item", itemIds: ["gallium"] });
  });

  test("a code no item claims is unclaimed, and the nomenclature says what it is", () => {
    const reading = read("7326.90");
    expect(reading).toMatchObject({ outcome: "unclaimed", itemIds: [], code: "7326.90" });
    const nomenclature = staticNomenclature({ "7326": "Other articles of iron or steel", "732690": "Iron or steel; articles n.e.c." });
    expect(describeHsCode(nomenclature, reading.digits)).toBe("Iron or steel; articles n.e.c.");
    expect(describeHsCode(nomenclature, "73261100")).toBe("Other articles of iron or steel");
    expect(describeHsCode(null, reading.digits)).toBeNull();
  });
});
