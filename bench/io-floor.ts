/**
 * The I/O floor of `chokepoint score` (`npm run bench -- --only cli`): what any run over the same file must do
 * without scoring. It opens the supplier CSV with the CLI's own reader (the same encoding check, header search
 * and parser, in the same batches) and writes one small JSON record per row — its row number and commodity —
 * to a file through the CLI's own back-pressured sink. Run as its own process, as the CLI is:
 *   node build/bench/bench/io-floor.js suppliers.csv out.json
 */
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { openCsv } from "../src/cli/readers/csv";
import { textSink } from "../src/cli/output/sink";

async function copyRows(input: string, output: string): Promise<number> {
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
    for (const record of batch) {
      text += `${rows === 0 ? "" : ","}\n    ${JSON.stringify({ row: record.row, commodity: record.cells[commodityColumn] ?? null })}`;
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

const [input, output] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  process.stderr.write("usage: node io-floor.js suppliers.csv out.json\n");
  process.exitCode = 2;
} else {
  copyRows(input, output).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
