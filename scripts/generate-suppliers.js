#!/usr/bin/env node
/**
 * Writes a synthetic supplier list for benchmarks: node scripts/generate-suppliers.js --rows 1000000 --out big.csv
 * The same seed always gives the same file. Rows mix controlled items, ordinary purchases, text the taxonomy
 * does not know, filled and blank dependence columns, and the odd bad cell, roughly as a real ERP extract would.
 */
"use strict";
const fs = require("fs");
const Papa = require("papaparse");

function parseArgs(argv) {
  const args = { rows: 10000, out: null, seed: 20260601 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === "--rows") args.rows = Number(value);
    else if (name === "--out") args.out = value;
    else if (name === "--seed") args.seed = Number(value);
    else throw new Error(`unknown option ${name}; use --rows N --out FILE [--seed N]`);
  }
  if (!Number.isInteger(args.rows) || args.rows < 0 || !args.out) throw new Error("usage: generate-suppliers.js --rows N --out FILE");
  return args;
}

/** mulberry32: a small seeded generator, so the file is reproducible. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMODITIES = [
  "NdFeB magnet", "SmCo magnet", "neodymium oxide", "dysprosium metal", "LFP cathode material", "spherical graphite",
  "graphite anode material", "lithium hydroxide", "GaN wafer", "GaAs wafer", "germanium lens", "germanium ingot",
  "tungsten carbide inserts", "APT", "antimony trioxide", "indium ingot", "silver paste", "PCD inserts", "PCB assembly",
  "box build", "lithium-ion battery pack", "EV traction motor", "winding machine", "steel brackets", "aluminum extrusion",
  "cardboard boxes", "freight forwarding", "copper wire", "ABS resin", "PV module", "office chairs", "test fixtures",
  "cleaning services", "HS 8505.11", "850511", "gallium", "Sb2O3", "CZT detector",
];
const COUNTRIES = ["China", "Japan", "Germany", "United States", "India", "Vietnam", "Mexico", "South Korea", "Taiwan", "CN", "DE", "US"];
const SITES = ["Germany", "United States", "India", "Mexico", "Vietnam", "Japan"];
const BAD_SHARES = ["abc", "150%", "1.5"];

function main() {
  const { rows, out, seed } = parseArgs(process.argv.slice(2));
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const share = () => {
    const r = random();
    if (r < 0.45) return "";
    if (r < 0.4505) return pick(BAD_SHARES);
    return r < 0.75 ? `${Math.round(random() * 100)}%` : random().toFixed(2);
  };
  const file = fs.openSync(out, "w");
  fs.writeSync(file, "supplier,commodity,supplier_country,site_country,china_input_share,china_technology,china_equipment,china_personnel,spend\n");
  const BATCH = 10000;
  for (let start = 0; start < rows; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(rows, start + BATCH); i += 1) {
      batch.push([
        `Supplier ${i + 1}, Ltd.`,
        random() < 0.001 ? "" : pick(COMMODITIES),
        pick(COUNTRIES),
        pick(SITES),
        share(),
        share(),
        share(),
        share(),
        random() < 0.1 ? "" : String(Math.round(random() * 5_000_000)),
      ]);
    }
    fs.writeSync(file, `${Papa.unparse(batch, { newline: "\n" })}\n`);
  }
  fs.closeSync(file);
  console.error(`wrote ${rows} rows to ${out}`);
}

main();
