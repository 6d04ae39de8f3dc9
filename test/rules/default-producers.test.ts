/**
 * The bundled producer figures against the research file (shared/research/producers.md, compiled 26 Nov 2026).
 * Every expectation below was typed from that file's tables and notes — country names as the file spells them,
 * percentages as printed — and is never read from the rules document. Each row names the figure id it checks;
 * the last test proves no bundled figure is left unchecked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules } from "../../src/rules/parse";
import type { ProducerFigure } from "../../src/rules/schema";

const parsed = parseRules(readFileSync(join(__dirname, "../../src/rules/default-rules.json"), "utf8"));
if (!parsed.ok) throw new Error(`bundled rules invalid: ${parsed.issues.map((i) => i.message).join("; ")}`);
const figures = new Map(parsed.rules.producers.map((figure) => [figure.id, figure]));

/** Country names as the research file writes them. */
const COUNTRY: Record<string, string> = {
  Russia: "RU", Japan: "JP", "Rep. of Korea": "KR", "Congo (Kinshasa)": "CD", "United States": "US", Madagascar: "MG", Brazil: "BR",
  Mozambique: "MZ", Tanzania: "TZ", India: "IN", Canada: "CA", Sweden: "SE", Germany: "DE", Tajikistan: "TJ", Bolivia: "BO", Burma: "MM",
  Myanmar: "MM", Turkey: "TR", Australia: "AU", Kazakhstan: "KZ", Kyrgyzstan: "KG", Vietnam: "VN", "North Korea": "KP", Rwanda: "RW",
  Austria: "AT", Spain: "ES", Portugal: "PT", Uzbekistan: "UZ", Laos: "LA", Peru: "PE", Chile: "CL", Mexico: "MX", Armenia: "AM",
  France: "FR", Belgium: "BE", Poland: "PL", Thailand: "TH", Nigeria: "NG", Malaysia: "MY", Estonia: "EE", Philippines: "PH",
  Zimbabwe: "ZW", Argentina: "AR", Mali: "ML", Hungary: "HU", Botswana: "BW", "South Africa": "ZA", Norway: "NO",
};

interface Row {
  id: string;
  items: string[];
  stage: string;
  /** "2024", "2025e", "2016–2020", or "–" when the file gives no year. */
  year: string;
  basis: "production" | "capacity";
  /** "1,550,000 t", "≈290 t", ">15 billion carats", "10,000–15,000 t Y2O3", or "–". */
  world: string;
  /** "81.9%", "≈90%", ">97%", or "–" when the file gives no figure. */
  china: string;
  /** "Madagascar 5.5%; Brazil 3.7%", "Malaysia (no %)" — producers outside China in the file's order; "" for none. */
  others: string;
  /** Regions and remainders: "rest of world 1.8%". */
  groups?: string;
  /** A fragment of the first source's address, or "–". */
  source: string;
  confidence: "C" | "R" | "U" | "–";
}

const usgs = (commodity: string) => `mcs2026/mcs2026-${commodity}.pdf`;
const IEA = "iea.org/data-and-statistics/data-product/critical-minerals-dataset";
const EU = "doi.org/10.2873/725585";
const WMD = "world-mining-data.info";
const REE = ["rare-earth-ore", "neodymium", "samarium", "dysprosium", "terbium", "yttrium"];
const MAGNET_REE = ["neodymium", "dysprosium", "terbium"];
const CATHODES = ["lfp-cathode", "lmfp-cathode", "li-rich-manganese-cathode"];
const P = "production" as const;
const CAP = "capacity" as const;

const ROWS: Row[] = [
  // 1. Gallium
  { id: "gallium-refining-2024-usgs", items: ["gallium"], stage: "refining", year: "2024", basis: P, world: "848 t", china: "98.9%", others: "Russia 0.7%; Japan 0.4%", source: usgs("gallium"), confidence: "C" },
  { id: "gallium-refining-2025-usgs", items: ["gallium"], stage: "refining", year: "2025e", basis: P, world: "900 t", china: "≈99%", others: "Russia 0.7%; Japan 0.3%", source: usgs("gallium"), confidence: "C" },
  { id: "gallium-refining-capacity-2025-usgs", items: ["gallium"], stage: "refining", year: "2025e", basis: CAP, world: "1,700 t", china: "94%", others: "Japan 0.6%; Russia 0.6%", groups: "Other countries 5.9%", source: usgs("gallium"), confidence: "C" },
  { id: "gallium-refining-2024-wmd", items: ["gallium"], stage: "refining", year: "2024", basis: P, world: "987 t", china: "98.7%", others: "Russia 0.7%; Japan 0.3%; Rep. of Korea 0.3%", source: WMD, confidence: "R" },
  { id: "gallium-high-purity-2022-usgs", items: ["gallium"], stage: "refining", year: "2022", basis: P, world: "≈290 t", china: "–", others: "", source: "fvbb.com", confidence: "R" },
  // 2. Germanium
  { id: "germanium-refining-2024-wmd", items: ["germanium"], stage: "refining", year: "2024", basis: P, world: "150 t", china: "93.3%", others: "Russia 3.3%; Japan 1.3%; United States 1.3%; Congo (Kinshasa) 0.7%", source: WMD, confidence: "R" },
  { id: "germanium-processing-eu-crm", items: ["germanium"], stage: "processing", year: "2016–2020", basis: P, world: "–", china: "83%", others: "", source: EU, confidence: "R" },
  { id: "germanium-refining-2025-usgs", items: ["germanium"], stage: "refining", year: "2025", basis: P, world: "–", china: "–", others: "", source: usgs("germanium"), confidence: "C" },
  // 3. Natural graphite (2024 USGS with the two producers the notes name after the top five)
  { id: "graphite-mining-2024-usgs", items: ["natural-graphite"], stage: "mining", year: "2024", basis: P, world: "1,550,000 t", china: "81.9%", others: "Madagascar 5.5%; Brazil 3.7%; Mozambique 2.5%; Tanzania 1.7%; Russia 1.3%; India 1.1%; Canada 0.8%", source: usgs("graphite"), confidence: "C" },
  { id: "graphite-mining-2025-usgs", items: ["natural-graphite"], stage: "mining", year: "2025e", basis: P, world: "1,800,000 t", china: "77.8%", others: "Madagascar 4.4%; Tanzania 4.2%; Brazil 3.6%; Mozambique 3.3%; Russia 1.4%", source: usgs("graphite"), confidence: "C" },
  { id: "graphite-mining-2024-iea", items: ["natural-graphite"], stage: "mining", year: "2024", basis: P, world: "1,847 kt", china: "85.5%", others: "Madagascar 4.0%; Brazil 3.7%; Mozambique 2.1%; Russia 1.6%; Tanzania 0.5%", source: IEA, confidence: "C" },
  // 4. Battery-grade graphite
  { id: "battery-graphite-processing-2024-iea", items: ["graphite-anode"], stage: "processing", year: "2024", basis: P, world: "1,875 kt", china: "95.7%", others: "Japan 2.4%; United States 0.1%; Canada 0.0%; Sweden 0.0%; Germany 0.0%", groups: "rest of world 1.8%", source: IEA, confidence: "C" },
  { id: "battery-graphite-processing-2023-iea", items: ["graphite-anode"], stage: "processing", year: "2023", basis: P, world: "2,037 kt", china: "90.9%", others: "Japan 6.1%; Germany 1.4%; United States 0.8%; Canada 0.02%", groups: "rest of world 2.2%", source: IEA, confidence: "C" },
  { id: "anode-capacity-2023-iea", items: ["graphite-anode"], stage: "manufacturing", year: "2023", basis: CAP, world: "–", china: ">97%", others: "", source: "iea.org/reports/global-ev-outlook-2024", confidence: "R" },
  { id: "synthetic-graphite-no-breakdown", items: ["synthetic-graphite"], stage: "manufacturing", year: "–", basis: P, world: "–", china: "–", others: "", source: "–", confidence: "–" },
  // 5. Spherical graphite
  { id: "spherical-graphite-no-figure", items: ["natural-graphite"], stage: "processing", year: "–", basis: P, world: "–", china: "–", others: "", source: "–", confidence: "–" },
  // 6. Antimony (2024 with the three producers the notes name after the top five)
  { id: "antimony-mining-2024-usgs", items: ["antimony"], stage: "mining", year: "2024", basis: P, world: "119,000 t Sb content", china: "33.6%", others: "Russia 33.6%; Tajikistan 18.5%; Bolivia 4.5%; Burma 3.8%; Turkey 2.5%; Australia 1.1%; Kazakhstan 0.7%; Kyrgyzstan 0.6%", source: usgs("antimony"), confidence: "C" },
  { id: "antimony-mining-2025-usgs", items: ["antimony"], stage: "mining", year: "2025e", basis: P, world: "110,000 t Sb content", china: "36.4%", others: "Russia 29.1%; Tajikistan 20.0%; Bolivia 4.5%; Burma 4.1%; Turkey 2.7%", source: usgs("antimony"), confidence: "C" },
  { id: "antimony-mining-eu-crm", items: ["antimony"], stage: "mining", year: "2016–2020", basis: P, world: "–", china: "56%", others: "", source: EU, confidence: "R" },
  { id: "antimony-refining-no-table", items: ["antimony", "antimony-trioxide"], stage: "refining", year: "–", basis: P, world: "–", china: "–", others: "", source: "–", confidence: "–" },
  // 7. Tungsten (2025e with the five producers the notes name after the top five)
  { id: "tungsten-mining-2024-usgs", items: ["tungsten"], stage: "mining", year: "2024", basis: P, world: "82,000 t W content", china: "81.7%", others: "Vietnam 4.1%; North Korea 2.3%; Bolivia 2.1%; Russia 1.8%; Rwanda 1.6%", groups: "Other countries (no %)", source: usgs("tungsten"), confidence: "C" },
  { id: "tungsten-mining-2025-usgs", items: ["tungsten"], stage: "mining", year: "2025e", basis: P, world: "85,000 t W content", china: "78.8%", others: "Vietnam 3.5%; Kazakhstan 2.8%; North Korea 2.4%; Russia 2.4%; Bolivia 2.0%; Rwanda 1.5%; Australia 1.2%; Austria 1.0%; Spain 0.9%; Portugal 0.8%", groups: "Other countries (no %)", source: usgs("tungsten"), confidence: "C" },
  { id: "tungsten-apt-eu-crm", items: ["tungsten"], stage: "processing", year: "2016–2020", basis: P, world: "–", china: "86%", others: "", source: EU, confidence: "R" },
  // 8. Tellurium
  { id: "tellurium-refining-2024-usgs", items: ["tellurium"], stage: "refining", year: "2024", basis: P, world: "981 t", china: "76.5%", others: "Japan 7.1%; Russia 6.5%; Sweden 4.7%; Canada 2.8%; Uzbekistan 1.8%", source: usgs("tellurium"), confidence: "C" },
  { id: "tellurium-refining-2025-usgs", items: ["tellurium"], stage: "refining", year: "2025e", basis: P, world: "1,000 t", china: "80.0%", others: "Russia 6.7%; Japan 6.1%; Sweden 4.8%; Canada 2.8%; Uzbekistan 1.8%", source: usgs("tellurium"), confidence: "C" },
  { id: "tellurium-refining-capacity-2025-usgs", items: ["tellurium"], stage: "refining", year: "2025", basis: CAP, world: "1,300 t", china: "76.9%", others: "Russia 6.2%; Japan 5.8%; Sweden 3.8%; Uzbekistan 3.8%; Canada 2.3%", source: usgs("tellurium"), confidence: "C" },
  // 9. Bismuth
  { id: "bismuth-refining-2024-usgs", items: ["bismuth"], stage: "refining", year: "2024", basis: P, world: "16,300 t", china: "85.9%", others: "Rep. of Korea 6.1%; Japan 3.1%; Laos 3.0%; Kazakhstan 1.1%; Bolivia 0.3%", source: usgs("bismuth"), confidence: "C" },
  { id: "bismuth-refining-2025-usgs", items: ["bismuth"], stage: "refining", year: "2025e", basis: P, world: "16,000 t", china: "87.5%", others: "Rep. of Korea 6.2%; Japan 3.1%; Laos 3.1%; Kazakhstan 1.1%; Bolivia 0.3%", source: usgs("bismuth"), confidence: "C" },
  // 10. Molybdenum
  { id: "molybdenum-mining-2024-usgs", items: ["molybdenum"], stage: "mining", year: "2024", basis: P, world: "256,000 t Mo content", china: "39.1%", others: "Peru 16.4%; Chile 15.0%; United States 13.3%; Mexico 6.3%; Armenia 3.2%", source: usgs("molybdenum"), confidence: "C" },
  { id: "molybdenum-mining-2025-usgs", items: ["molybdenum"], stage: "mining", year: "2025e", basis: P, world: "260,000 t Mo content", china: "37.3%", others: "Chile 16.2%; United States 15.4%; Peru 15.0%; Mexico 6.5%; Armenia 2.0%", source: usgs("molybdenum"), confidence: "C" },
  // 11. Indium
  { id: "indium-refining-2024-usgs", items: ["indium"], stage: "refining", year: "2024", basis: P, world: "1,090 t", china: "69.7%", others: "Rep. of Korea 16.5%; Japan 6.0%; Canada 3.7%; France 1.9%; Belgium 1.7%", source: usgs("indium"), confidence: "C" },
  { id: "indium-refining-2025-usgs", items: ["indium"], stage: "refining", year: "2025e", basis: P, world: "1,100 t", china: "69.1%", others: "Rep. of Korea 16.4%; Japan 5.9%; Canada 3.6%; France 1.9%; Belgium 1.7%", source: usgs("indium"), confidence: "C" },
  { id: "indium-refining-capacity-2025-usgs", items: ["indium"], stage: "refining", year: "2025", basis: CAP, world: "1,700 t", china: "64.7%", others: "Rep. of Korea 18.2%; Japan 4.1%; Canada 4.1%; France 4.1%; Belgium 2.9%", source: usgs("indium"), confidence: "C" },
  // 12. Silver (2024 with the three producers the notes name after the top five)
  { id: "silver-mining-2024-usgs", items: ["silver"], stage: "mining", year: "2024", basis: P, world: "25,300 t", china: "13.6%", others: "Mexico 22.8%; Peru 13.9%; Bolivia 5.9%; Poland 5.2%; Russia 5.1%; Chile 4.7%; United States 4.2%; Australia 4.2%", source: usgs("silver"), confidence: "C" },
  { id: "silver-mining-2025-usgs", items: ["silver"], stage: "mining", year: "2025e", basis: P, world: "26,000 t", china: "13.1%", others: "Mexico 24.2%; Peru 13.8%; Bolivia 5.8%; Chile 5.4%; Poland 5.0%", source: usgs("silver"), confidence: "C" },
  // 13. Rare earths
  { id: "rare-earth-mining-2024-usgs", items: REE, stage: "mining", year: "2024", basis: P, world: "380,000 t REO", china: "71.1%", others: "United States 12.0%; Australia 7.6%; Burma 7.1%; India 0.8%; Russia 0.7%", source: usgs("rare-earths"), confidence: "C" },
  { id: "rare-earth-mining-2025-usgs", items: REE, stage: "mining", year: "2025e", basis: P, world: "390,000 t REO", china: "69.2%", others: "United States 13.1%; Australia 7.4%; Burma 5.6%; Thailand 1.2%; India 0.7%", source: usgs("rare-earths"), confidence: "C" },
  { id: "rare-earth-mining-2024-usgs-first-estimate", items: REE, stage: "mining", year: "2024", basis: P, world: "390,000 t REO", china: "69.2%", others: "United States 11.5%; Burma 7.9%; Australia 3.3%; Nigeria 3.3%; Thailand 3.3%", source: "mcs2025/mcs2025-rare-earths.pdf", confidence: "C" },
  { id: "magnet-rare-earth-mining-2024-iea", items: MAGNET_REE, stage: "mining", year: "2024", basis: P, world: "75.1 kt", china: "61.0%", others: "Myanmar 16.1%; United States 9.2%; Australia 4.3%", groups: "rest of world 9.5%", source: IEA, confidence: "C" },
  { id: "magnet-rare-earth-refining-2024-iea", items: MAGNET_REE, stage: "refining", year: "2024", basis: P, world: "80.8 kt", china: "91.3%", others: "Malaysia 4.5%; United States 1.2%; Australia 0.0%", groups: "rest of world 3.0%", source: IEA, confidence: "C" },
  { id: "magnet-rare-earth-refining-2023-iea", items: MAGNET_REE, stage: "refining", year: "2023", basis: P, world: "76.3 kt", china: "92.1%", others: "Malaysia 5.2%; United States 0.3%; Australia 0.0%", groups: "rest of world 2.4%", source: IEA, confidence: "C" },
  // 14. NdFeB magnets
  { id: "ndfeb-manufacturing-2024", items: ["ndfeb-magnet"], stage: "manufacturing", year: "2024", basis: P, world: "–", china: "≈90%", others: "Japan (no %); Vietnam (no %); Germany (no %); Estonia (no %); United States (no %)", source: "rareearthexchanges.com", confidence: "R" },
  { id: "ndfeb-processing-eu-crm", items: ["ndfeb-magnet"], stage: "processing", year: "2016–2020", basis: P, world: "–", china: "85%", others: "", source: EU, confidence: "R" },
  // 15. Dysprosium / terbium
  { id: "dy-tb-separation-2025", items: ["dysprosium", "terbium"], stage: "refining", year: "2025", basis: P, world: "–", china: "–", others: "Malaysia (no %)", source: usgs("rare-earths-heavy"), confidence: "U" },
  // 16. Samarium
  { id: "samarium-separation-no-data", items: ["samarium"], stage: "refining", year: "–", basis: P, world: "–", china: "–", others: "", source: usgs("rare-earths"), confidence: "–" },
  // 17. Yttrium
  { id: "yttrium-mining-2025-usgs", items: ["yttrium"], stage: "mining", year: "2025e", basis: P, world: "10,000–15,000 t Y2O3", china: "–", others: "Burma (no %)", source: usgs("yttrium"), confidence: "U" },
  // 18. Scandium
  { id: "scandium-production-2025-usgs", items: ["scandium"], stage: "refining", year: "2025e", basis: P, world: "≈80 t Sc2O3", china: "–", others: "Japan (no %); Philippines (no %); Canada (no %)", source: usgs("scandium"), confidence: "U" },
  // 19. Lithium (with Canada and Mali from the notes)
  { id: "lithium-mining-2024-usgs", items: ["spodumene", "lithium-carbonate", "lithium-hydroxide"], stage: "mining", year: "2024", basis: P, world: "222,000 t Li", china: "18.6%", others: "Australia 37.3%; Chile 22.0%; Zimbabwe 9.0%; Argentina 6.2%; Brazil 4.6%; Canada 2.2%; Mali 0.3%", source: usgs("lithium"), confidence: "C" },
  { id: "lithium-mining-2025-usgs", items: ["spodumene", "lithium-carbonate", "lithium-hydroxide"], stage: "mining", year: "2025e", basis: P, world: "290,000 t Li", china: "21.4%", others: "Australia 31.7%; Chile 19.3%; Zimbabwe 9.7%; Argentina 7.9%; Brazil 4.1%; Mali 3.2%; Canada 1.9%", source: usgs("lithium"), confidence: "C" },
  { id: "lithium-mining-2024-iea", items: ["spodumene", "lithium-carbonate", "lithium-hydroxide"], stage: "mining", year: "2024", basis: P, world: "255 kt Li", china: "22.3%", others: "Australia 35.2%; Chile 19.3%; Zimbabwe 9.0%; Argentina 5.2%", groups: "rest of world 9.0%", source: IEA, confidence: "C" },
  { id: "lithium-chemicals-2024-iea", items: ["lithium-carbonate", "lithium-hydroxide"], stage: "refining", year: "2024", basis: P, world: "242 kt Li", china: "70.2%", others: "Chile 20.4%; Argentina 5.5%; Australia 1.8%", groups: "rest of world 2.1%", source: IEA, confidence: "C" },
  { id: "lithium-chemicals-2023-iea", items: ["lithium-carbonate", "lithium-hydroxide"], stage: "refining", year: "2023", basis: P, world: "176 kt Li", china: "64.6%", others: "Chile 26.3%; Argentina 5.2%; Australia 3.1%", groups: "rest of world 0.8%", source: IEA, confidence: "C" },
  // 20. LFP cathode
  { id: "lfp-cathode-manufacturing-2024", items: ["lfp-cathode"], stage: "manufacturing", year: "2024", basis: P, world: "–", china: "–", others: "", source: "news.metal.com", confidence: "U" },
  { id: "cathode-capacity-2024-benchmark", items: CATHODES, stage: "manufacturing", year: "2024", basis: CAP, world: "–", china: "87%", others: "Rep. of Korea (no %)", source: "benchmark-source-core.pages.dev", confidence: "R" },
  // 21. NCM cathode (all-chemistry capacity)
  { id: "cathode-capacity-2020-rystad", items: CATHODES, stage: "manufacturing", year: "2020", basis: CAP, world: "–", china: "74.3%", others: "Rep. of Korea 18.9%; Japan 5.5%", groups: "North America 1%; Europe 0.3%", source: "ajot.com", confidence: "R" },
  { id: "cathode-capacity-2023-iea", items: CATHODES, stage: "manufacturing", year: "2023", basis: CAP, world: "–", china: "≈90%", others: "", source: "iea.org/reports/global-ev-outlook-2024", confidence: "R" },
  // 22. Lithium-ion cells
  { id: "li-ion-cells-2024-iea", items: ["li-ion-cell"], stage: "manufacturing", year: "2024", basis: P, world: "–", china: ">75%", others: "", source: "ess-news.com", confidence: "R" },
  { id: "ev-battery-cells-capacity-2023-iea", items: ["li-ion-cell"], stage: "manufacturing", year: "2023", basis: CAP, world: "–", china: "≈85%", others: "United States (no %); Poland (no %); Hungary (no %)", source: "iea.org/reports/global-ev-outlook-2024", confidence: "R" },
  // 23. Synthetic diamond (and natural industrial diamond, for context)
  { id: "synthetic-diamond-2025-usgs", items: ["synthetic-diamond"], stage: "manufacturing", year: "2025e", basis: P, world: ">15 billion carats", china: "–", others: "United States ≈1%; Russia (no %)", source: usgs("diamond"), confidence: "C" },
  { id: "synthetic-diamond-2018-industry", items: ["synthetic-diamond"], stage: "manufacturing", year: "2018", basis: P, world: "–", china: ">90%", others: "", source: "yuhongmoju.com", confidence: "U" },
  { id: "natural-industrial-diamond-2025-usgs", items: [], stage: "mining", year: "2025e", basis: P, world: "38 million carats", china: "–", others: "Russia 42%; Congo (Kinshasa) 18%; Botswana 14%; Zimbabwe 13%; South Africa 8%", source: usgs("diamond"), confidence: "C" },
  // 24. Cubic boron nitride
  { id: "cbn-2018-industry", items: ["cubic-boron-nitride"], stage: "manufacturing", year: "2018", basis: P, world: "–", china: ">70%", others: "", source: "yuhongmoju.com", confidence: "U" },
  // 25. Polysilicon / solar wafers
  { id: "silicon-metal-2024-usgs", items: ["solar-wafer"], stage: "refining", year: "2024", basis: P, world: "5,500 kt", china: "87.3%", others: "Brazil 3.5%; Norway 2.5%; France 1.6%; Russia 1.1%; Australia 0.9%", source: usgs("silicon"), confidence: "C" },
  { id: "silicon-metal-2025-usgs", items: ["solar-wafer"], stage: "refining", year: "2025e", basis: P, world: "4,600 kt", china: "87.0%", others: "Brazil 3.9%; Norway 2.8%; France 1.5%; Australia 1.0%; Russia 0.8%", source: usgs("silicon"), confidence: "C" },
  { id: "polysilicon-capacity-2023-iea", items: ["solar-wafer"], stage: "processing", year: "2023", basis: CAP, world: "–", china: "≈96%", others: "", source: "energytrend.com", confidence: "R" },
  { id: "solar-wafer-capacity-2023-iea", items: ["solar-wafer"], stage: "manufacturing", year: "2023", basis: CAP, world: "–", china: "≈95%", others: "", source: "energytrend.com", confidence: "R" },
];

/** "≈99%" → share 0.99, about; ">97%" → more_than; "–" → null. */
function share(text: string): { share: number | null; qualifier?: string } {
  if (text === "–") return { share: null };
  const match = /^(≈|>)?([\d.]+)%$/.exec(text);
  if (!match) throw new Error(`test table: cannot read the share "${text}"`);
  const qualifier = match[1] === "≈" ? "about" : match[1] === ">" ? "more_than" : undefined;
  return { share: Number(match[2]) / 100, ...(qualifier ? { qualifier } : {}) };
}

function world(text: string): { value: number; upTo?: number; qualifier?: string; unit: string } | undefined {
  if (text === "–") return undefined;
  const match = /^(≈|>)?([\d,.]+)(?:–([\d,.]+))? (.+)$/.exec(text);
  if (!match) throw new Error(`test table: cannot read the world total "${text}"`);
  const number = (digits: string) => Number(digits.replace(/,/g, ""));
  const qualifier = match[1] === "≈" ? "about" : match[1] === ">" ? "more_than" : undefined;
  return { value: number(match[2]), ...(match[3] ? { upTo: number(match[3]) } : {}), ...(qualifier ? { qualifier } : {}), unit: match[4] };
}

function producers(text: string): { name: string; share: number | null; qualifier?: string }[] {
  if (text === "") return [];
  return text.split("; ").map((entry) => {
    const match = /^(.+?) (\(no %\)|[≈>]?[\d.]+%)$/.exec(entry);
    if (!match) throw new Error(`test table: cannot read the producer "${entry}"`);
    return { name: match[1], ...(match[2] === "(no %)" ? { share: null } : share(match[2])) };
  });
}

const close = (actual: number | null | undefined, expected: number | null) =>
  expected === null ? actual === null : actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9;

function yearOf(figure: ProducerFigure): string {
  if (figure.year === undefined) return "–";
  if (figure.fromYear !== undefined) return `${figure.fromYear}–${figure.year}`;
  return `${figure.year}${figure.estimated ? "e" : ""}`;
}

describe("bundled producer figures match shared/research/producers.md", () => {
  it.each(ROWS.map((row) => [row.id, row] as const))("%s", (_id, row) => {
    const figure = figures.get(row.id);
    expect(figure).toBeDefined();
    if (!figure) return;
    expect(figure.items).toEqual(expect.arrayContaining(row.items));
    expect(figure.stage).toBe(row.stage);
    expect(figure.basis).toBe(row.basis);
    expect(yearOf(figure)).toBe(row.year);

    const total = world(row.world);
    if (total === undefined) expect(figure.worldTotal).toBeUndefined();
    else expect(figure.worldTotal).toMatchObject(total);

    const china = share(row.china);
    expect(close(figure.china.share, china.share)).toBe(true);
    expect(figure.china.qualifier).toBe(china.qualifier);

    const expected = producers(row.others);
    expect(figure.countries.map((c) => c.country)).toEqual(expected.map((p) => COUNTRY[p.name] ?? `unknown name ${p.name}`));
    expected.forEach((p, k) => {
      expect(close(figure.countries[k].share, p.share)).toBe(true);
      expect(figure.countries[k].qualifier).toBe(p.qualifier);
    });
    const groups = producers(row.groups ?? "");
    expect(figure.groups.map((g) => g.label.toLowerCase())).toEqual(groups.map((g) => g.name.toLowerCase()));
    groups.forEach((group, k) => expect(close(figure.groups[k].share, group.share)).toBe(true));

    const hasCountryShares = expected.some((p) => p.share !== null);
    expect(figure.noCountryBreakdown === undefined).toBe(hasCountryShares);

    if (row.source === "–") expect(figure.sources).toEqual([]);
    else expect(figure.sources[0].url).toContain(row.source);
    for (const source of figure.sources) expect(new URL(source.url).protocol).toBe("https:");
    expect(figure.confidence ?? "–").toBe(row.confidence);
  });

  it("checks every bundled figure: none is left out of the table above", () => {
    expect([...figures.keys()].filter((id) => !ROWS.some((row) => row.id === id))).toEqual([]);
  });

  it("credits the IEA dataset's licence wherever its figures are used", () => {
    const ieaFigures = parsed.rules.producers.filter((figure) => figure.sources.some((source) => source.url.includes(IEA)));
    expect(ieaFigures.map((figure) => figure.id).sort()).toEqual(ROWS.filter((row) => row.source === IEA).map((row) => row.id).sort());
    for (const figure of ieaFigures) expect(figure.sources.find((source) => source.url.includes(IEA))!.title).toContain("CC BY 4.0");
  });
});
