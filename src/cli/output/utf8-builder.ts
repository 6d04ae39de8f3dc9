/**
 * A batch of a report written as UTF-8 bytes into one growing buffer. Parts many rows share are encoded once and
 * copied as bytes; each row's own short strings are encoded in place. Joining a batch into one string first and
 * encoding that cost more than scoring its rows: the joined pieces are copied again to flatten the string, and one
 * character outside Latin-1 anywhere in the batch ("…", "µ", "₂") makes the whole of it two bytes a character.
 */

/** The most UTF-8 bytes one UTF-16 code unit can take (a surrogate pair's four bytes are two units). */
const MOST_BYTES_PER_UNIT = 3;

export class Utf8Builder {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get length(): number {
    return this.used;
  }

  text(text: string): void {
    this.ensure(text.length * MOST_BYTES_PER_UNIT);
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** One ASCII character, by its code. */
  ascii(code: number): void {
    this.ensure(1);
    this.buffer[this.used++] = code;
  }

  /**
   * The bytes written so far, handed over: the builder goes on in a buffer of its own, so a stream may hold these
   * until the system has written them.
   */
  take(): Uint8Array {
    const taken = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.used = 0;
    return taken;
  }

  private ensure(more: number): void {
    if (this.used + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + more));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}

/** Text encoded once, to be copied into many batches. */
export const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8");
