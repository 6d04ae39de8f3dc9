/**
 * Screening supplier names against the fixture listings (fixtures/rules/listings.json). Each case is a name as
 * a purchasing record might write it, labelled with the outcome a person expects.
 */
import { screenName, screenRow, type ScreeningResult } from "../../src/engine/screening";
import { listingsFixtureRules } from "./support";
import { bundledRules } from "./support-bundled";

const rules = listingsFixtureRules();
const screen = (name: string, country: string | null = null, asOf = "2026-07-01"): ScreeningResult =>
  screenName(rules.screeningIndex(), rules.doc, name, country, { asOf, reviewedAt: rules.doc.reviewedAt });

describe("clear matches", () => {
  it.each([
    ["MP Materials Corp.", "MP Materials Corp."],
    ["MP MATERIALS CORPORATION", "MP Materials Corp."],
    ["MP Materials, LLC", "MP Materials Corp."],
    ["Materials Corp, MP", "MP Materials Corp."],
    ["芒廷帕斯材料公司", "MP Materials Corp."],
    ["MHI Shipbuilding", "Mitsubishi Heavy Industries Shipbuilding Co."],
    ["Mitsubishi Heavy Industries Logitec", "MHI Logitec Co., Ltd."],
    ["Mitsubishi Hvy Inds Aero Engines", "Mitsubishi Heavy Industries Aero Engines, Ltd."],
    ["Maritime Tactical Systems Inc", "Maritime Tactical Systems"],
    ["Tactical Systems, Maritime", "Maritime Tactical Systems"],
    ["Lockheed Martin Corp (USA)", "Lockheed Martin Corporation"],
    ["Firestorm Lab Inc", "Firestorm Labs, Inc."],
    ["TDK Corp", "TDK Corporation"],
  ])("%s → listed as %s", (name, listed) => {
    const result = screen(name);
    expect(result.status).toBe("listed");
    expect(result.match?.name).toBe(listed);
  });
});

describe("look-alikes that are not listed", () => {
  it.each([
    ["Mitsubishi Chemical Corporation"],
    ["MP Industries"],
    ["Maritime Systems Inc"],
    ["Tactical Defense Systems"],
    ["LM Wind Power"],
    ["Red Cat Coffee"],
    ["Materials Corp"],
    ["Lockheed Corporation of Ohio"],
  ])("%s is not flagged", (name) => {
    expect(screen(name).status).not.toBe("listed");
  });

  it("never lets common words carry a match alone", () => {
    const result = screen("Heavy Industries Shipbuilding Systems");
    expect(result.status).toBe("none");
  });

  it("reports the parent of listed units, and a listed name run into other words, for review only", () => {
    expect(screen("Mitsubishi Heavy Industries")).toMatchObject({ status: "possible", match: { name: expect.stringMatching(/^Mitsubishi Heavy Industries/) } });
    expect(screen("Lockheed Martin Corp Bethesda Campus")).toMatchObject({ status: "possible", match: { name: "Lockheed Martin Corporation" } });
    // A city and a state's code after the legal form are an address: the firm itself ("Bethesda MD").
    expect(screen("Lockheed Martin Corp Bethesda MD")).toMatchObject({ status: "listed", match: { name: "Lockheed Martin Corporation" } });
  });

  it("a site or branch after a spaced dash, or after a legal form and a comma, is set aside: the firm is the listed one", () => {
    for (const name of ["Lockheed Martin Corp, Bethesda MD", "Lockheed Martin Corporation - Bethesda HQ", "MP MATERIALS CORP. – MOUNTAIN PASS"]) {
      const result = screen(name);
      expect([name, result.status]).toEqual([name, "listed"]);
      expect(result.match?.features).toContainEqual(expect.objectContaining({ feature: "site" }));
    }
    // Two legal forms are one ("Co., Ltd."): nothing is set aside.
    expect(screen("MP Materials Co., Ltd.").match?.features).not.toContainEqual(expect.objectContaining({ feature: "site" }));
    // Set aside, the rest must still be the listed firm: another firm at a listed firm's town is not it.
    expect(screen("Red Cat Coffee - Puerto Rico").status).not.toBe("listed");
    expect(screen("Lockheed Corporation of Ohio - Dayton").status).not.toBe("listed");
  });
});

describe("the explanation", () => {
  it("gives each feature a score and what it matched", () => {
    const result = screen("MHI Shipbuilding", "JP");
    expect(result.match?.features).toEqual([
      { feature: "words", score: expect.any(Number), detail: expect.stringContaining("shipbuilding") },
      { feature: "acronym", score: 0.9, detail: expect.stringMatching(/^mhi = mitsubishi heavy industry \(begins the names of \d+ listed firms\)$/) },
      { feature: "country", score: 0.05, detail: "JP agrees with the listing" },
    ]);
  });

  it("names the legal forms set aside and the literal match", () => {
    expect(screen("MP Materials Corp.").match?.features[0]).toEqual({
      feature: "literal",
      score: 1,
      detail: '"MP Materials Corp." once legal forms and punctuation are set aside',
    });
  });
});

describe("the row's country", () => {
  it("confirms a match when it agrees and weakens it to a review when it differs", () => {
    expect(screen("TDK Corporation", "JP")).toMatchObject({ status: "listed", match: { score: 1 } });
    const elsewhere = screen("TDK Corporation", "US");
    expect(elsewhere).toMatchObject({ status: "possible", match: { score: 0.8 } });
    expect(elsewhere.match?.features.at(-1)).toEqual({ feature: "country", score: 0.8, detail: "the row says US, the listing JP: review only" });
  });
});

describe("dates", () => {
  it("sees a notice only from its date, and ended listings as such", () => {
    expect(screen("MP Materials", null, "2026-06-21").status).toBe("none");
    expect(screen("Urbo Bankas", null, "2026-05-01")).toMatchObject({ status: "listed", lead: { status: "cancelled" } });
  });
});

describe("reading a screening row from cells", () => {
  it("parses the name, the country and the date, and refuses what cannot be one", () => {
    const ok = screenRow(rules.screeningIndex(), rules.doc, { name: " MP Materials ", country: "United States", asOf: 46204 }, "2026-01-01");
    expect(ok).toMatchObject({ ok: true, asOf: "2026-07-01", result: { status: "listed" } });
    expect(screenRow(rules.screeningIndex(), rules.doc, { name: "" }, "2026-07-01")).toBeNull();
    expect(screenRow(rules.screeningIndex(), rules.doc, { name: "MP", country: "Atlantis" }, "2026-07-01")).toMatchObject({
      ok: false,
      error: { code: "country_unknown", field: "supplier_country" },
    });
  });

  it("screens each distinct name once per ruleset and date", () => {
    const index = rules.screeningIndex();
    const first = screen("Some New Supplier Name Ltd");
    const size = index.memo.size;
    expect(screen("Some New Supplier Name Ltd")).toBe(first);
    expect(index.memo.size).toBe(size);
  });
});

describe("what a vendor master writes around a name (bundled rules)", () => {
  const bundled = bundledRules();
  const screenBundled = (name: string, country: string | null = "US") =>
    screenName(bundled.screeningIndex(), bundled.doc, name, country, { asOf: "2026-11-27", reviewedAt: bundled.doc.reviewedAt });
  /** A clear match to `listed`, with `feature` (when given) among its reasons. */
  const expectListed = (name: string, country: string | null, listed: string, feature?: string) => {
    const result = screenBundled(name, country);
    expect([name, result.status, result.match?.name]).toEqual([name, "listed", listed]);
    if (feature !== undefined) expect(result.match?.features).toContainEqual(expect.objectContaining({ feature }));
  };
  /** The same for each case: a name, the row's country, the listed name expected. */
  const expectEachListed = (cases: readonly (readonly [string, string | null, string])[], feature?: string) => {
    for (const [name, country, listed] of cases) expectListed(name, country, listed, feature);
  };

  // One notice names "Hanwha Shipping LLC" and "Hanwha Shipping Holdings LLC": two firms, whatever "Holdings" weighs.
  it.each([
    ["Hanwha Shipping Holdings, L.L.C.", "Hanwha Shipping Holdings LLC"],
    ["HANWHA SHIPPING HOLDINGS LLC", "Hanwha Shipping Holdings LLC"],
    ["Hanwha Shipping LLC", "Hanwha Shipping LLC"],
  ])("%s is the listed %s, not another firm the same notice names", (name, listed) => {
    expectListed(name, "US", listed);
  });

  it.each([
    ["200345 HENSOLDT AG", "DE", "HENSOLDT AG", "ledger_text"],
    ["LOCKHEED MARTIN CORP ATTN: ACCOUNTS PAYABLE", "US", "Lockheed Martin Corporation", "ledger_text"],
    ["Raytheon Missiles & Defense, an RTX business", "US", "Raytheon Missiles & Defense", "ledger_text"],
    ["GDMS - General Dynamics Mission Systems Inc", "US", "General Dynamics Mission Systems", "abbreviation"],
    ["SNC (Sierra Nevada Corp.)", "US", "Sierra Nevada Corporation", "abbreviation"],
    ["Lafert S.p.A. P.IVA 01234560279", "IT", "Lafert S.p.A.", "ledger_text"],
    ["Cubic Corporation, EIN 95-1678055", "US", "Cubic Corporation", "ledger_text"],
    ["Shield AI, Inc. - Purchasing Dept.", "US", "Shield AI, Inc.", "ledger_text"],
    ["CUBIC CORPORATION CAGE 0X4Z7 UEI KX1NQ2AA5JM3", "US", "Cubic Corporation", "ledger_text"],
  ])("%s (%s) is %s: the ledger's text is set aside", (name, country, listed, feature) => {
    const result = screenBundled(name, country);
    expect([name, result.status, result.match?.name]).toEqual([name, "listed", listed]);
    expect(result.match?.features).toContainEqual(expect.objectContaining({ feature }));
  });

  it.each([
    ["Cubic Corporation San Diego CA", "Cubic Corporation"],
    ["GENERAL DYNAMICS LAND SYSTEMS INC STERLING HEIGHTS MI", "General Dynamics Land Systems"],
  ])("%s: a city and state after the legal form are the firm's site (%s)", (name, listed) => {
    const result = screenBundled(name);
    expect([name, result.status, result.match?.name]).toEqual([name, "listed", listed]);
    expect(result.match?.features).toContainEqual(expect.objectContaining({ feature: "site" }));
  });

  it.each([
    ["CUBIC CORPORATION REMIT TO: P.O. BOX 85587", "US", "Cubic Corporation", "ledger_text"],
    ["Sierra Nevada Corporation, Lockbox 7731", "US", "Sierra Nevada Corporation", "ledger_text"],
    ["Rheinmetall Aktiengesellschaft", "DE", "Rheinmetall AG", null],
    ["Sindlhauser Materials Gesellschaft mit beschränkter Haftung", "DE", "Sindlhauser Materials GmbH", null],
    ["Vigo Photonics Spółka Akcyjna", "PL", "Vigo Photonics S.A.", null],
    ["Lafert S.p.A., Via J. F. Kennedy 43, Noventa di Piave", "IT", "Lafert S.p.A.", "site"],
    ["GENERAL DYNAMICS LAND SYSTEMS INC STERLING", "US", "General Dynamics Land Systems", "site"],
    ["Sierra Nevada Corporaton", "US", "Sierra Nevada Corporation", null],
    ["General Dynamics Land Sytems Inc", "US", "General Dynamics Land Systems", "spelling"],
  ])("%s (%s) is %s: remit-to text, spelt-out legal forms, an address after the legal form, a slip in a common word", (name, country, listed, feature) => {
    const result = screenBundled(name, country);
    expect([name, result.status, result.match?.name]).toEqual([name, "listed", listed]);
    if (feature !== null) expect(result.match?.features).toContainEqual(expect.objectContaining({ feature }));
  });

  it("NV after a legal form and a city is Nevada, not a Dutch N.V.", () => {
    const result = screenBundled("MP MATERIALS CORP LAS VEGAS NV", "US");
    expect([result.status, result.match?.name]).toEqual(["listed", "MP Materials Corp."]);
    expect(result.match?.features).toContainEqual(expect.objectContaining({ feature: "site", detail: "set aside LAS VEGAS NV" }));
  });

  it("two or three place words after the legal form are an address only where a country confirms it, else a division for review", () => {
    // Confirmed by the row's country, or by the country the address itself names.
    expectEachListed([
      ["TDK CORP CHUO-KU TOKYO", "JP", "TDK Corporation"],
      ["NEC AEROSPACE SYSTEMS LTD FUCHU TOKYO", "JP", "NEC Aerospace Systems, Ltd."],
      ["AEROSPACE INDUSTRIAL DEVELOPMENT CORP TAICHUNG TAIWAN", null, "Aerospace Industrial Development Corp."],
    ]);
    // No country, or another one: the words may name a division ("… Corp Bethesda Campus").
    for (const [name, country] of [
      ["TDK CORP CHUO-KU TOKYO", null],
      ["Lockheed Martin Corp Bethesda Campus", null],
      ["AEROSPACE INDUSTRIAL DEVELOPMENT CORP TAICHUNG JAPAN", null],
    ] as const) {
      expect([name, screenBundled(name, country).status]).toEqual([name, "possible"]);
    }
  });

  it("a Japanese or Chinese address written apart after the name (prefecture, county, city, ward, town) is the firm's site", () => {
    expectEachListed([
      ["三菱造船株式会社 横浜市", null, "Mitsubishi Heavy Industries Shipbuilding Co."],
      ["日新電機株式会社 京都府京都市", null, "Nissin Electric Co., Ltd."],
      ["龍德造船工業股份有限公司 宜蘭縣蘇澳鎮", null, "Lungteh Shipbuilding Co., Ltd"],
    ], "site");
  });

  it("a name built to make the CJK address pattern backtrack (a run of place suffixes ending on anything else) screens like any other", () => {
    // A 300-character cell of 市区市区… once took minutes: the address was a nested repetition. No timing is asserted;
    // jest's own time limit fails the test if a pattern runs away again.
    for (const name of [`公司 ${"市区".repeat(148)}a`, `株式会社 ${"東市".repeat(147)}x`, `${"市".repeat(150)} ${"区町".repeat(74)}!`]) {
      expect(["listed", "possible", "none"]).toContain(screenBundled(name, null).status);
    }
    // The address is still read where it is one.
    expectListed("三菱造船株式会社 神奈川県横浜市西区", null, "Mitsubishi Heavy Industries Shipbuilding Co.", "site");
  });

  it("a city and a state after a comma end a name that has no legal form", () => {
    expectEachListed([
      ["Halifax International Security Forum, Halifax, NS", null, "Halifax International Security Forum"],
      ["Boeing Defense, Space & Security, Arlington, VA", null, "Boeing Defense, Space & Security"],
    ]);
    // What follows the comma must be a place and a state: "Boeing Defense, Space & Security" keeps its "Space".
    expect(screenBundled("Boeing Defense, Space & Security", null).match?.features).not.toContainEqual(expect.objectContaining({ feature: "site" }));
  });

  it("a whole record pasted into the name's cell: the vendor master's label, number, name fields and address are read around the name", () => {
    expectEachListed([
      ["LIFNR 0000104712 | NAME1 Sindlhauser Materials | NAME2 GmbH z. Hd. Verkauf | Daimlerstr. 7, 87437 Kempten", "DE", "Sindlhauser Materials GmbH"],
      ["Proveedor 700150 | LAFERT, S.P.A. | Via Noventana 15, 30027 San Donà di Piave (Italia)", "IT", "Lafert S.p.A."],
      ["Fournisseur 40017 - InPACT SA - 14 rue des Forges, 25000 Besançon, France", "FR", "InPACT S.A."],
      ["供应商 C-8805 因美纳公司 美国加利福尼亚州圣地亚哥", null, "Illumina, Inc."],
      ["거래처 K-3108 미쓰비시 머티리얼 주식회사 Mitsubishi Materials Corporation 일본 도쿄도 지요다구", null, "Mitsubishi Materials Corporation"],
    ]);
  });

  it("a street address after the name, US or European, is the firm's site", () => {
    expectEachListed([
      ["SHIPPER: MP MATERIALS CORP 1 MINE RD MOUNTAIN PASS CA 92366 US", null, "MP Materials Corp."],
      ["Halifax International Security Forum, 1625 K St NW, Washington, DC 20006", null, "Halifax International Security Forum"],
    ], "site");
  });

  it("after the name's last legal form, a tail with a number or a field separator is an address or a remark where the row's country confirms it", () => {
    expectEachListed([
      ["TDK CORPORATION 1-13-1 NIHONBASHI CHUO-KU", "JP", "TDK Corporation"],
      ["OMNIPOL A.S. NEKAZANKA 11 PRAHA 1 110 00", "CZ", "OMNIPOL a.s."],
      ["EXCALIBUR ARMY SPOL S R O HLAVNI 3 STERNBERK", "CZ", "EXCALIBUR ARMY spol.s.r.o"],
      ["Lafert S.p.A. Via Kennedy 43 Noventa di Piave", "IT", "Lafert S.p.A."],
      ["TATRA TRUCKS A.S. KOPRIVNICE - PICK-UP BY FORWARDER", "CZ", "TATRA TRUCKS a.s."],
      ["VEND 3002211 LAFERT S.P.A. VIA KENNEDY 43", "IT", "Lafert S.p.A."],
    ], "site");
    // Without a country to confirm it the tail may still be part of a name: review only.
    expect(screenBundled("TDK CORPORATION 1-13-1 NIHONBASHI CHUO-KU", null).status).toBe("possible");
    // The last legal form ends the name: a subsidiary keeps the words that make it another firm.
    expect(screenBundled("TDK CORPORATION EPCOS AG 12 RUSCHEWEYHSTR", "JP").status).not.toBe("listed");
    // Words after the legal form with neither a number nor a separator are left to the other readings.
    expect(screenBundled("TATRA TRUCKS A.S. DEFENCE VEHICLES DIVISION", "CZ").status).toBe("possible");
  });

  it("a letter of credit's and a manifest's roles, Puerto Rico's code, a spaced s r.o. and a street with its number after a comma", () => {
    expectEachListed([
      ["APPLICANT: PVH CORP NEW YORK NY", "US", "PVH Group"],
      ["ISSUING BANK: AB MANO BANKAS", "LT", "AB Mano Bankas"],
      ["CNEE: TDK CORPORATION", "JP", "TDK Corporation"],
      ["RED CAT HOLDINGS INC SAN JUAN PR", "PR", "Red Cat Holdings, Inc."],
      ["EXCALIBUR ARMY spol. s r.o.", "CZ", "EXCALIBUR ARMY spol.s.r.o"],
      ["Politechnika Wroclawska, ul. Janiszewskiego 11, Wroclaw", "PL", "Politechnika Wroclawska"],
    ]);
    // The street after the comma is set aside only where the row's country is the listed firm's.
    expect(screenBundled("Politechnika Wroclawska, ul. Janiszewskiego 11, Wroclaw", null).status).toBe("possible");
  });

  it("a name damaged on its way: a 0 or a 1 read for a letter, UTF-8 shown as Windows-1252", () => {
    expectEachListed([
      ["L0CKHEED MARTIN CORPORATION", "US", "Lockheed Martin Corporation"],
      ["Anduril Industr1es, Inc.", "US", "Anduril Industries"],
      ["Politechnika WrocÅ‚awska", "PL", "Politechnika Wroclawska"],
      ["VeritÃ© Group, Inc.", "US", "Verite Group, Inc."],
    ]);
    // A code keeps its digits: a digit between letters and a digit beside them are not the same.
    expect(screenBundled("ACT1 Federal", "US").status).toBe("listed");
  });

  it("a country word the row's country implies and a wrapper word the row adds are one leniency too many: review only", () => {
    // "Japan Nuclear Fuel Limited" is listed; "Nuclear Fuel Industries" is another firm, though its row is Japanese.
    expect(screenBundled("Nuclear Fuel Industries, Ltd.", "JP").status).not.toBe("listed");
    // Each leniency alone still makes a clear match.
    expectListed("Nuclear Fuel Limited", "JP", "Japan Nuclear Fuel Limited");
  });

  it("a payment's beneficiary field: the name, its address set aside only where the row's country confirms it", () => {
    const payment = "PMT 2026-11-22 PLN /BNF/ VIGO PHOTONICS S.A. OZAROW MAZOWIECKI /IBAN/ PL61 1090 1014";
    expect([screenBundled(payment, "PL").status, screenBundled(payment, "PL").match?.name]).toEqual(["listed", "Vigo Photonics S.A."]);
    expect(screenBundled(payment, null).status).toBe("possible");
    expect(screenBundled("PMT 2026-11-22 PLN /BNF/ ACME TRADING SP Z OO WARSZAWA /IBAN/ PL61 1090 1014", "PL").status).toBe("none");
  });

  it("two listed firms of one name in different countries stay two firms: the match names the one the row's legal form and country mean", () => {
    expect(screenBundled("TechInsights Europe Sp. z o.o.", "PL").match?.name).toBe("TechInsights Europe Sp zo.o");
    expect(screenBundled("TechInsights Europe Limited", "GB").match?.name).toBe("TechInsights Europe Limited");
  });

  it("a seat after a comma ends a name whose legal form comes first, or is one of the rarer forms (GIE, SIA, Kft)", () => {
    expectEachListed([
      ["UAB Ekspla, Vilnius", "LT", "Ekspla UAB"],
      ["III-V Lab GIE, Palaiseau", "FR", "III-V LAB"],
      ["/BNF/LOCKHEED MARTIN VENTURES/RFB/INV-2026-0412", null, "Lockheed Martin Ventures"],
    ]);
  });

  it("a payment's beneficiary written as a field of lines (account, name, address) is read by its name line", () => {
    expectEachListed([
      ["/IT60X0542811101000000123456\nLAFERT S.P.A.\nVIA KENNEDY 43\n30027 SAN DONA DI PIAVE", "IT", "Lafert S.p.A."],
      ["TATRA TRUCKS A.S.\nAREAL TATRY 1450/1\n742 21 KOPRIVNICE", "CZ", "TATRA TRUCKS a.s."],
    ]);
    // The name's line is whole: a subsidiary's words are not taken for an address and dropped.
    expect(screenBundled("/DE02120300000000202051\nHENSOLDT OPTRONICS GMBH\nCARL-ZEISS-STR. 22\n73447 OBERKOCHEN", "DE").status).not.toBe("listed");
  });

  it("a country written into the name that is none of the listed firm's makes it a national arm, for review", () => {
    const arm = screenBundled("Shield AI Australia Pty Ltd", null);
    expect(arm.status).toBe("possible");
    expect(arm.match?.features).toContainEqual(expect.objectContaining({ feature: "country_in_name", detail: expect.stringContaining("AU") }));
    // The listed firm's own country in its name takes nothing away.
    expect(screenBundled("HENSOLDT AG Germany", null).status).toBe("listed");
  });

  it("a street named after a person's initials is still a street after the legal form (VIA J.F. KENNEDY 43)", () => {
    expectEachListed([["LAFERT S.P.A. VIA J.F. KENNEDY 43 30027 SAN DONA DI PIAVE", "IT", "Lafert S.p.A."]], "site");
  });

  it("Taiwan's name before a Chinese firm's name is set aside when an address follows too", () => {
    expectEachListed([["臺灣國際造船股份有限公司 基隆市中正區中正路458號", "TW", "CSBC Corporation, Taiwan"]], "site");
  });

  it("fields joined with a bare semicolon are read as words apart, so the site after the legal form is found", () => {
    expectEachListed([["GENERAL DYNAMICS;MISSION SYSTEMS INC.;FAIRFAX VA", "US", "General Dynamics Mission Systems"]]);
  });

  it("a street with an ordinal number is a street address ('1300 W 120TH AVE')", () => {
    expectEachListed([["SHIELD AI, INC.  600 W 58TH AVE  DENVER CO 80221", "US", "Shield AI, Inc."]], "site");
  });

  it("a group's name with its legal form, a slash and a unit's name is the unit's name (NAME1 / NAME2)", () => {
    // With a registration number after it, the unit's name must still win over the group's with the unit set aside.
    expectEachListed([["GENERAL DYNAMICS CORP / ORDNANCE AND TACTICAL SYSTEMS  CAGE 1C3B5  ST PETERSBURG FL", "US", "General Dynamics Ordnance and Tactical Systems"]]);
    // A place after the slash still leaves the firm before it.
    expectEachListed([["HENSOLDT AG / Taufkirchen", "DE", "HENSOLDT AG"]], "site");
  });

  it("a Japanese address in Latin letters after a comma (block numbers, then the district) is the firm's site", () => {
    expectEachListed([
      ["Japan Aerospace Exploration Agency, 7-44-1 Jindaiji Higashi-machi, Chofu-shi, Tokyo", "JP", "Japan Aerospace Exploration Agency"],
      ["National Defense Academy of Japan, 1-10-20 Hashirimizu, Yokosuka", "JP", "National Defense Academy of Japan"],
    ], "site");
  });

  it("a city of three words before the state is the firm's site (SALT LAKE CITY UT)", () => {
    expectEachListed([["TEAL DRONES INC SALT LAKE CITY UT", "US", "Teal Drones, Inc."]], "site");
  });

  it("a name cut at its field's width after a vendor number is read as cut short", () => {
    const result = screenBundled("V200318 LOCKHEED MARTIN MISSILES AND FIRE C", "US");
    expect([result.status, result.match?.name]).toEqual(["listed", "Lockheed Martin Missiles and Fire Control"]);
    expect(result.match?.features).toContainEqual(expect.objectContaining({ feature: "cut_short" }));
  });

  it("a holding or a global arm named after a listed firm is another company: for review, not a match", () => {
    for (const [name, country] of [
      ["HENSOLDT Holding GmbH", "DE"],
      ["Sierra Nevada Global, Inc.", "US"],
      ["Cubic Worldwide Corp.", "US"],
    ]) {
      expect([name, screenBundled(name, country).status]).not.toEqual([name, "listed"]);
    }
  });

  // Vendor masters cut names at the width of their name field (35 or 40 characters; older ledgers 30), often inside a word.
  it.each([
    ["LOCKHEED MARTIN MISSILES AND F", "Lockheed Martin Missiles and Fire Control"],
    ["MITSUBISHI HEAVY INDUSTRIES AE", "Mitsubishi Heavy Industries Aero Engines, Ltd."],
    ["GENERAL DYNAMICS ORDNANCE AND TACTI", "General Dynamics Ordnance and Tactical Systems"],
    ["MITSUBISHI HEAVY INDUSTRIES ENGINE & TUR", "Mitsubishi Heavy Industries Engine & Turbocharger, Ltd."],
    ["LOCKHEED MARTIN MISSILES AND FIRE C", "Lockheed Martin Missiles and Fire Control"],
    ["MITSUBISHI HEAVY INDUSTRIES AERO EN", "Mitsubishi Heavy Industries Aero Engines, Ltd."],
  ])("%s, cut at the field's width, is %s", (name, listed) => {
    expect([30, 35, 40]).toContain(name.length);
    expectListed(name, null, listed, "cut_short");
  });

  it.each([
    ["SHIPPER: CUBIC CORPORATION", "US", "Cubic Corporation"],
    ["Notify party: HENSOLDT AG", "DE", "HENSOLDT AG"],
    ["/BNF/SIERRA NEVADA CORPORATION", "US", "Sierra Nevada Corporation"],
    ["CONSIGNEE:  SHIELD AI INC", "US", "Shield AI, Inc."],
  ])("%s: the role a shipping paper or payment message gives the firm is set aside (%s)", (name, country, listed) => {
    expectListed(name, country, listed, "ledger_text");
  });

  it("a role label is set aside only before a colon or between slashes: a firm called Shipper is no label", () => {
    expect(screenBundled("Shipper Cubic Corporation", "US").status).not.toBe("listed");
    expect(screenBundled("SHIPPER: CUBIC WORLDWIDE CORP", "US").status).not.toBe("listed");
  });

  it.each([
    ["CUBIC CORPORATION SAN DIEGO CA 92123", "Cubic Corporation"],
    ["GENERAL DYNAMICS LAND SYSTEMS INC STERLING HEIGHTS MI 48310-3200 USA", "General Dynamics Land Systems"],
  ])("%s: a ZIP code and the country after the state are the firm's address too (%s)", (name, listed) => {
    expectListed(name, "US", listed, "site");
  });

  it("a role, a vendor number and an address together are all set aside, and the explanation names them", () => {
    const result = screenBundled("SHIPPER: 40017 CUBIC CORPORATION SAN DIEGO CA 92123 US", "US");
    expect([result.status, result.match?.name]).toEqual(["listed", "Cubic Corporation"]);
    const detail = result.match?.features.find((feature) => feature.feature === "site")?.detail ?? "";
    for (const part of ["SHIPPER:", "40017", "SAN DIEGO CA 92123 US"]) expect(detail).toContain(part);
  });

  it("a ZIP code after a name with no state before it is no address the reader sets aside", () => {
    expect(screenBundled("Cubic Corporation Systems 92123", "US").status).not.toBe("listed");
  });

  it.each([
    ["日本原燃株式会社 再処理事業所", "JP", "Japan Nuclear Fuel Limited"],
    ["三菱造船株式会社 下関工場", "JP", "Mitsubishi Heavy Industries Shipbuilding Co."],
    ["國際造船股份有限公司 高雄總廠", "TW", "CSBC Corporation, Taiwan"],
    ["國際造船股份有限公司 基隆廠", "TW", "CSBC Corporation, Taiwan"],
  ])("%s: a Japanese or Chinese site written after the legal form is the firm's site (%s)", (name, country, listed) => {
    expectListed(name, country, listed, "site");
  });

  it.each([
    ["GEN DYNAMICS INFORMATION TECHNOLOGY", "General Dynamics Information Technology"],
    ["LOCKHEED MARTIN MISSILES & FIRE CTRL", "Lockheed Martin Missiles and Fire Control"],
  ])("%s: GEN is general and CTL or CTRL control, as vendor masters abbreviate them", (name, listed) => {
    expectListed(name, "US", listed);
  });

  it.each([
    ["M/S RHEINMETALL AG, DUSSELDORF", "DE", "Rheinmetall AG"],
    ["M/s. ViaSat Inc.", "US", "ViaSat, Inc."],
    ["Messrs Aerospace Industrial Development Corpn.", "TW", "Aerospace Industrial Development Corp."],
  ])("%s: M/S and Messrs address the firm, and CORPN is a corporation, as Indian vendor lists write them", (name, country, listed) => {
    expectListed(name, country, listed);
  });

  it("a German street named after a person, joined by hyphens, and its postcode after the legal form are the firm's address", () => {
    expectListed("HENSOLDT AG Max-Planck-Str. 12 89077 Ulm", "DE", "HENSOLDT AG", "site");
  });

  it.each([
    ["漢翔航空工業(股)公司", "Aerospace Industrial Development Corp."],
    ["國際造船（股）公司 高雄廠", "CSBC Corporation, Taiwan"],
  ])("%s: (股)公司 is how Taiwan shortens 股份有限公司, a legal form and no aside", (name, listed) => {
    const result = screenBundled(name, "TW");
    expect([result.status, result.match?.name]).toEqual(["listed", listed]);
    expect(result.match?.features.some((feature) => feature.feature === "brackets")).toBe(false);
  });

  it.each([
    ["SQ *ANDURIL INDUSTRIES COSTA MESA CA", "Anduril Industries", "site"],
    ["PAYPAL *SHIELDAI", "Shield AI, Inc.", "ledger_text"],
    ["TELEDYNE FLIR WILSONVILLE OR", "Teledyne FLIR, LLC", "site"],
  ])("%s: a card processor's prefix, and a city and state after a name with no legal form, are set aside (%s)", (name, listed, feature) => {
    expectListed(name, "US", listed, feature);
  });

  it("without a legal form, a city of two words needs a city's word (San, Fort, Heights…): a brewery's 'BURGERS' is no city", () => {
    expect(screenBundled("TST* ANDURIL BURGERS BOISE ID").status).not.toBe("listed");
  });

  it.each([
    ["ジャパンマリンユナイテッド株式会社", "JP", "Japan Marine United Corporation"],
    ["レイセオン・ミサイルズ・アンド・ディフェンス", "US", "Raytheon Missiles & Defense"],
    ["록히드마틴 코퍼레이션", "US", "Lockheed Martin Corporation"],
    ["레이시온 미사일즈 앤드 디펜스", "US", "Raytheon Missiles & Defense"],
    ["가와사키중공업 에어로스페이스 시스템즈 컴퍼니", "JP", "Kawasaki Heavy Industries Aerospace Systems Company"],
  ])("%s (%s): a katakana or Hangul rendering read as the English words it writes is %s", (name, country, listed) => {
    expect(screenBundled(name, country)).toMatchObject({ status: "listed", match: { name: listed } });
  });

  it.each([
    ["Локхид Мартин Корп.", "US", "Lockheed Martin Corporation"],
    ["Оптикоэлектрон Груп", "BG", "Opticoelectron Group"],
    ["Рейнметалл АГ", "DE", "Rheinmetall AG"],
  ])("%s (%s): a Cyrillic rendering meets the listed words it sounds like, %s", (name, country, listed) => {
    expect(screenBundled(name, country)).toMatchObject({ status: "listed", match: { name: listed, features: expect.arrayContaining([expect.objectContaining({ feature: "sound" })]) } });
  });

  it("a Cyrillic name sounding like only part of a listed name is not that firm", () => {
    expect(screenBundled("Рейнгольд Металл ООО", "RU").status).toBe("none");
    expect(screenBundled("Мартин Инжиниринг", "US").status).toBe("none");
  });

  it("a Chinese name that holds a long listed name whole is that firm; a short listed name at the start of another firm's is not", () => {
    expect(screenBundled("国家中山科学研究院", "TW")).toMatchObject({ status: "listed", match: { name: "National Chung-Shan Institute of Science & Technology" } });
    // 日本电气 (NEC) is four characters: Nippon Electric Glass starts with it and is another firm.
    expect(screenBundled("日本電気硝子株式会社", "JP").status).toBe("none");
  });

  it("read as English, a Hangul name must still be the listed firm: Mitsubishi Heavy Industries itself is not named", () => {
    expect(screenBundled("미쓰비시중공업 주식회사", "JP").status).not.toBe("listed");
  });

  it("台灣 before a Taiwanese firm's Chinese name is the row's country, not a word of the name", () => {
    expect(screenBundled("台灣國際造船股份有限公司", "TW")).toMatchObject({ status: "listed", match: { name: "CSBC Corporation, Taiwan" } });
    // A firm of another country with the same words is for review, not a clear match.
    expect(screenBundled("台灣國際造船股份有限公司", "CN").status).not.toBe("listed");
  });

  it("a distinctive word with one letter too many is a candidate, as one with a letter missing is", () => {
    expect(screenBundled("ANDURRIL INDUSTRIES", "US")).toMatchObject({ status: "possible", match: { name: "Anduril Industries" } });
    expect(screenBundled("SKYYDIO INC", "US").status).not.toBe("none");
  });

  it("a name that fills a field's width may also be whole: it is compared both ways", () => {
    const name = "Alliance, Responsible Business";
    expect(name).toHaveLength(30);
    expect(screenBundled(name, "US")).toMatchObject({ status: "listed", match: { name: "Responsible Business Alliance" } });
  });

  it("a name cut at the field's width must still agree up to the cut", () => {
    expect(screenBundled("MITSUBISHI ELECTRIC AUTOMOTIVE AMER", "US").status).not.toBe("listed");
    expect(screenBundled("LOCKHEED MARTIN MISSILES AND FIRE", "US").status).not.toBe("listed");
    expect(screenBundled("GENERAL DYNAMICS ORDNANCE AND TACTI CORP", "US").status).not.toBe("listed");
  });

  it("the explanation names everything set aside, brackets included", () => {
    const result = screenBundled("200345 HENSOLDT AG (plant DE01) ATTN: KREDITOREN", "DE");
    expect(result.status).toBe("listed");
    const detail = result.match?.features.find((feature) => feature.feature === "ledger_text")?.detail ?? "";
    for (const part of ["200345", "(plant DE01)", "ATTN: KREDITOREN"]) expect(detail).toContain(part);
  });

  it("set aside, the rest must still be the listed firm", () => {
    expect(screenBundled("Lockheed Corporation of Ohio Dayton OH").status).not.toBe("listed");
    // Co ends "… Equipment Co" as a legal form, not as Colorado.
    expect(screenBundled("Cubic Corporation Defense Equipment Co").status).not.toBe("listed");
    expect(screenBundled("General Atomics Inc San Diego CA").status).not.toBe("listed");
    expect(screenBundled("200345 HENSOLDT UK LTD", "GB").status).not.toBe("listed");
    expect(screenBundled("Boeing Defence UK Ltd, a Boeing Company", "GB").status).not.toBe("listed");
    expect(screenBundled("GD - General Dynamics UK Ltd", "GB").status).not.toBe("listed");
  });
});

describe("names written in Japanese (bundled rules)", () => {
  const bundled = bundledRules();
  const screenBundled = (name: string, country: string | null) =>
    screenName(bundled.screeningIndex(), bundled.doc, name, country, { asOf: "2026-11-27", reviewedAt: bundled.doc.reviewedAt });

  it("a legal form written before the name in another script goes whole: 株式会社SUBARU is SUBARU Corporation", () => {
    expect(screenBundled("株式会社SUBARU", "JP")).toMatchObject({ status: "listed", match: { name: "SUBARU Corporation" } });
  });

  it("two characters are a name in Chinese or Japanese: 日油株式会社 is NOF Corporation, as the notice writes it", () => {
    expect(screenBundled("日油株式会社", "JP")).toMatchObject({ status: "listed", match: { name: "NOF Corporation" } });
  });
  // Japanese firms write the English words of their names in katakana, and group names in kanji: read as English,
  // they meet the notice's English name.
  it.each([
    ["株式会社IHIエアロスペース", "IHI Aerospace Co., Ltd."],
    ["株式会社IHIジェットサービス", "IHI Jet Service Co., Ltd."],
    ["三菱電機ソフトウエア株式会社", "Mitsubishi Electric Software Corporation"],
    ["伊藤忠アビエーション株式会社", "ITOCHU Aviation Co., Ltd."],
  ])("%s is %s", (name, listed) => {
    expect([name, screenBundled(name, "JP")]).toMatchObject([name, { status: "listed", match: { name: listed } }]);
  });

  it("a katakana name read as English must still be the listed firm", () => {
    expect(screenBundled("株式会社IHIインフラシステム", "JP").status).not.toBe("listed");
    expect(screenBundled("三菱電機ビルソリューションズ株式会社", "JP").status).not.toBe("listed");
  });
});
