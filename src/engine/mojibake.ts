/**
 * Text that was UTF-8 but was read as Windows-1252 (or Latin-1) and saved again: "WrocÅ‚awska" for "Wrocławska",
 * "VeritÃ©" for "Verité". Supplier files pass through many such hands. The repair turns each character back into
 * the byte it came from and reads the bytes as UTF-8; text that does not come back as valid UTF-8 is left as it was.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest of the bytes are their own code points). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((character, index) => [character, 0x80 + index]));

/** A lead byte of a two- or three-byte UTF-8 sequence, shown in Windows-1252, then a continuation byte. */
const MOJIBAKE = /[\u00C2-\u00EF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u;

function byteOf(character: string): number | null {
  const code = character.codePointAt(0)!;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return BYTE_OF.get(character) ?? null;
}

/**
 * Bytes are read as UTF-8 by the platform's decoder, which refuses what is no UTF-8 (a repair that would make nonsense
 * is no repair). Made on first use, not when the module loads: a host without it (jsdom) leaves names unrepaired.
 */
let strictUtf8: TextDecoder | undefined;

export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  const bytes: number[] = [];
  for (const character of text) {
    const byte = byteOf(character);
    if (byte === null) return text;
    bytes.push(byte);
  }
  try {
    strictUtf8 ??= new TextDecoder("utf-8", { fatal: true });
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}
