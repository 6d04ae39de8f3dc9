import {
  CACHE_CHUNK_CHARS,
  CACHE_META_KEY,
  readCachedRules,
  writeCachedRules,
} from "../../src/runtime/rules-cache";
import { createMemoryStorage } from "../../src/runtime/storage";

const entry = { url: "https://rules.example.test/rules.json", etag: '"x"', fetchedAt: "2025-07-01T00:00:00.000Z", checkedAt: "2025-07-01T00:00:00.000Z" };

describe("rules cache in key-value storage", () => {
  test("a large document is split into chunks and read back whole", async () => {
    const storage = createMemoryStorage();
    const text = "é".repeat(2 * CACHE_CHUNK_CHARS + 17);
    const meta = await writeCachedRules(storage, entry, text);
    expect(meta.chunkCount).toBe(3);
    expect(storage.keys().filter((key) => key.startsWith(`${CACHE_META_KEY}.`))).toHaveLength(3);
    expect(await readCachedRules(storage)).toEqual({ meta, text });
  });

  test("a rewrite switches generation and removes the old chunks", async () => {
    const storage = createMemoryStorage();
    const first = await writeCachedRules(storage, entry, "a".repeat(CACHE_CHUNK_CHARS + 1));
    const second = await writeCachedRules(storage, { ...entry, etag: '"y"' }, "second");
    expect(second.generation).not.toBe(first.generation);
    expect(storage.keys().filter((key) => key.includes(first.generation))).toEqual([]);
    expect((await readCachedRules(storage))?.text).toBe("second");
  });

  test("a failed write leaves the previous document in place", async () => {
    const storage = createMemoryStorage();
    await writeCachedRules(storage, entry, "good");
    const failing = {
      ...storage,
      setItem: async (key: string, value: string) => {
        if (key === CACHE_META_KEY) throw new Error("quota exceeded");
        await storage.setItem(key, value);
      },
    };
    await expect(writeCachedRules(failing, entry, "new")).rejects.toThrow("quota exceeded");
    expect((await readCachedRules(storage))?.text).toBe("good");
    expect(storage.keys()).toHaveLength(2);
  });
});
