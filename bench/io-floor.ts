/**
 * The I/O floor of `chokepoint score` (`npm run bench -- --only cli`): what any run over the same file must do
 * without scoring. It opens the supplier CSV with the CLI's own reader (the same encoding check, header search
 * and parser, in the same batches) and writes one small JSON record per row — its row number and commodity —
 * to a file through the CLI's own back-pressured sink. Run as its own process, as the CLI is:
 *   node build/bench/bench/io-floor.js suppliers.csv out.json [bytes-per-row]
 * With bytes-per-row, each record is padded to about that length (a `filler` of spaces): the floor then writes
 * as much JSON as the CLI's explained rows, so the cost of the output's size is measured apart from scoring.
 */
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { openCsv } from "../src/cli/readers/csv";
import { textSink } from "../src/cli/output/sink";

const FILLER = " ".repeat(4096);

function record(row: number, commodity: unknown, bytesPerRow: number): string {
  const plain = JSON.stringify({ row, commodity });
  if (bytesPerRow <= plain.length) return plain;
  // Appended, not serialised again: the filler is plain spaces, as the CLI appends the parts rows share.
  return `${plain.slice(0, -1)},"filler":"${FILLER.slice(0, Math.min(FILLER.length, bytesPerRow - plain.length - 12))}"}`;
}

async function copyRows(input: string, output: string, bytesPerRow: number): Promise<number> {
  const opened = await openCsv(input);
  if (!opened.ok) throw new Error(`cannot read ${input}: ${opened.error.code}`);
  const { reader } = opened;
  const commodityColumn = reader.columns.columns.commodity ?? 0;
  const stream = createWriteStream(output);
  const sink = textSink(stream);
  let rows = 0;
  await sink.write('{\n  "rows": [');
  for await (const batch of reader.batches) {
    let text = "";
    for (const row of batch) {
      text += `${rows === 0 ? "" : ","}\n    ${record(row.row, row.cells[commodityColumn] ?? null, bytesPerRow)}`;
      rows += 1;
    }
    await sink.write(text);
  }
  await sink.write("\n  ]\n}\n");
  await sink.settle();
  stream.end();
  await finished(stream);
  return rows;
}

const [input, output, bytes] = process.argv.slice(2);
const bytesPerRow = bytes === undefined ? 0 : Number(bytes);
if (input === undefined || output === undefined || !Number.isInteger(bytesPerRow) || bytesPerRow < 0) {
  process.stderr.write("usage: node io-floor.js suppliers.csv out.json [bytes-per-row]\n");
  process.exitCode = 2;
} else {
  copyRows(input, output, bytesPerRow).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
