/**
 * Just enough of the zip format to read an XLSX file one part at a time: the central directory is read
 * from the end of the file, and a part is streamed through zlib's raw inflate, so nothing is held whole.
 * Every byte a part inflates to is counted against a shared budget, which is how a zip bomb is stopped.
 * Stored and deflated parts are supported (all an XLSX uses); Zip64 archives too.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be read: not a zip, damaged, encrypted, or over the decompressed-size budget. */
export class ZipError extends Error {
  constructor(
    readonly code: "zip_invalid" | "zip_encrypted" | "zip_method_unsupported" | "zip_too_large",
    message: string,
  ) {
    super(message);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const LARGEST_COMMENT = 0xffff;
/** A workbook has tens of parts; a directory claiming millions of entries is not one. */
const MOST_ENTRIES = 100_000;
const LARGEST_DIRECTORY = 64 * 1024 * 1024;

async function readAt(handle: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipError("zip_invalid", "the file ends before the zip directory does");
  return buffer;
}

/** Reads the Zip64 extra field's 64-bit sizes and offset, for the fields that say 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw new ZipError("zip_invalid", "a Zip64 extra field is too short");
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** A budget of decompressed bytes shared by every part read from one archive. */
export interface InflateBudget {
  limit: number;
  used: number;
}

export interface ZipArchive {
  size: number;
  entries: ReadonlyMap<string, ZipEntry>;
  /** The part's bytes as they inflate, counted against `budget`; `onCompressed` reports compressed bytes read. */
  read(entry: ZipEntry, budget: InflateBudget, onCompressed?: (bytes: number) => void): AsyncGenerator<Buffer>;
}

export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    if (size < END_RECORD_SIZE) throw new ZipError("zip_invalid", "the file is too small to be a zip archive");
    const tailLength = Math.min(size, END_RECORD_SIZE + LARGEST_COMMENT);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let endAt = -1;
    for (let at = tail.length - END_RECORD_SIZE; at >= 0; at -= 1) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        endAt = at;
        break;
      }
    }
    if (endAt < 0) throw new ZipError("zip_invalid", "no zip directory found (the file is not a zip archive, or is cut short)");
    let count = tail.readUInt16LE(endAt + 10);
    let directorySize = tail.readUInt32LE(endAt + 12);
    let directoryOffset = tail.readUInt32LE(endAt + 16);
    const locatorAt = endAt - 20;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_END_LOCATOR) {
      const zip64EndOffset = Number(tail.readBigUInt64LE(locatorAt + 8));
      const zip64End = await readAt(handle, zip64EndOffset, 56);
      if (zip64End.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) throw new ZipError("zip_invalid", "the Zip64 directory record is damaged");
      count = Number(zip64End.readBigUInt64LE(32));
      directorySize = Number(zip64End.readBigUInt64LE(40));
      directoryOffset = Number(zip64End.readBigUInt64LE(48));
    }
    if (count > MOST_ENTRIES || directorySize > LARGEST_DIRECTORY || directoryOffset + directorySize > size) {
      throw new ZipError("zip_invalid", "the zip directory is damaged");
    }
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipError("zip_invalid", "the zip directory is damaged");
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      if (at + 46 + nameLength + extraLength + commentLength > directory.length) throw new ZipError("zip_invalid", "the zip directory is damaged");
      const entry: ZipEntry = {
        name: directory.toString("utf8", at + 46, at + 46 + nameLength),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      // Part names are case-insensitive in an OPC package; the first of two spellings wins.
      const key = entry.name.toLowerCase();
      if (!entries.has(key)) entries.set(key, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }

    async function dataOffset(entry: ZipEntry): Promise<number> {
      const reopened = await open(path, "r");
      try {
        const header = await readAt(reopened, entry.localHeaderOffset, 30);
        if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipError("zip_invalid", `the zip entry ${entry.name} is damaged`);
        return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      } finally {
        await reopened.close();
      }
    }

    async function* read(entry: ZipEntry, budget: InflateBudget, onCompressed?: (bytes: number) => void): AsyncGenerator<Buffer> {
      if (entry.flags & 0x0001) throw new ZipError("zip_encrypted", "the workbook is encrypted (password-protected); save an unprotected copy");
      if (entry.method !== 0 && entry.method !== 8) {
        throw new ZipError("zip_method_unsupported", `the part ${entry.name} is compressed with a method Excel does not use (${entry.method})`);
      }
      const start = await dataOffset(entry);
      if (start + entry.compressedSize > size) throw new ZipError("zip_invalid", `the zip entry ${entry.name} runs past the end of the file`);
      if (entry.compressedSize === 0) return;
      const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
      raw.on("data", (chunk) => onCompressed?.(chunk.length));
      const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
      raw.on("error", (error) => source.destroy(error));
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          budget.used += chunk.length;
          if (budget.used > budget.limit) throw new ZipError("zip_too_large", `the workbook unpacks to more than ${budget.limit.toLocaleString("en-US")} bytes`);
          yield chunk;
        }
      } catch (error) {
        if (error instanceof ZipError) throw error;
        throw new ZipError("zip_invalid", `the part ${entry.name} cannot be unpacked: ${(error as Error).message}`);
      } finally {
        raw.destroy();
        source.destroy();
      }
    }

    return { size, entries, read };
  } finally {
    await handle.close();
  }
}
