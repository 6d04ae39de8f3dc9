/** The JSON report's batches are built as bytes: what comes out must be the UTF-8 of the text put in, whatever its size. */
import { utf8, Utf8Builder } from "../../../src/cli/output/utf8-builder";

const decoded = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

test("text, shared bytes and single characters come out in order as UTF-8", () => {
  const out = new Utf8Builder(8);
  out.text('{"a":');
  out.bytes(utf8('"Nd–Fe–B 5 µm, 顶锤 ₂"'));
  out.ascii(0x2c);
  out.text("😀 after a surrogate pair");
  out.ascii(0x7d);
  expect(decoded(out.take())).toBe('{"a":"Nd–Fe–B 5 µm, 顶锤 ₂",😀 after a surrogate pair}');
});

test("a buffer far too small grows without cutting a character in two", () => {
  const out = new Utf8Builder(1);
  const parts = ["é", "顶".repeat(1000), "x", "😀".repeat(333), "ascii only ".repeat(50)];
  for (const part of parts) out.text(part);
  const bytes = out.take();
  expect(decoded(bytes)).toBe(parts.join(""));
  expect(bytes.length).toBe(Buffer.byteLength(parts.join(""), "utf8"));
});

test("bytes taken stay as they were while the builder goes on (a stream may still be writing them)", () => {
  const out = new Utf8Builder(16);
  out.text("first batch");
  const first = out.take();
  expect(out.length).toBe(0);
  out.text("second batch, longer than the first");
  const second = out.take();
  expect(decoded(first)).toBe("first batch");
  expect(decoded(second)).toBe("second batch, longer than the first");
});
