/** The CLI's sink takes text or encoded bytes; on a terminal, control characters go whichever way the text came. */
import { PassThrough } from "node:stream";
import { terminalSafe, textSink, SinkWriteError } from "../../../src/cli/output/sink";
import { utf8 } from "../../../src/cli/output/utf8-builder";

async function written(write: (sink: ReturnType<typeof textSink>) => Promise<void>, terminal = false): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const sink = textSink(terminal ? terminalSafe(stream) : stream);
  await write(sink);
  await sink.settle();
  return Buffer.concat(chunks).toString("utf8");
}

test("text and bytes reach the stream in the order written", async () => {
  const text = await written(async (sink) => {
    await sink.write("[");
    await sink.write(utf8('"µm – 顶锤"'));
    await sink.write(new Uint8Array(0));
    await sink.write("]");
  });
  expect(text).toBe('["µm – 顶锤"]');
});

test("bytes written to a terminal lose their escape sequences as text does", async () => {
  const text = await written(async (sink) => {
    await sink.write(utf8("a\u001b[31mred\u0007 b"));
    await sink.write("c\u001b]0;title\u0007d");
  }, true);
  expect(text.includes("\u001b") || text.includes("\u0007")).toBe(false);
  expect(text).toContain("red");
});

test("a write the system refuses rejects with its code", async () => {
  const failing = {
    write: (_text: string | Uint8Array, callback?: (error?: Error | null) => void) => {
      callback?.(Object.assign(new Error("no space"), { code: "ENOSPC" }));
      return true;
    },
  };
  const sink = textSink(failing);
  await expect(sink.write(utf8("x"))).rejects.toEqual(new SinkWriteError("ENOSPC"));
  await expect(sink.write("y")).rejects.toEqual(new SinkWriteError("ENOSPC"));
});
