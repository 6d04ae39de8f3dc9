/**
 * The persistent key-value store the rules state lives in. In the add-in this is `OfficeRuntime.storage`,
 * the one store the task pane and the custom functions both see on every platform (Excel on the web runs
 * them in separate JavaScript contexts, so globals are not shared). Elsewhere `localStorage`, and in tests
 * or bare Node an in-memory map.
 */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function createMemoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { keys(): string[] } {
  const items = new Map(Object.entries(initial));
  return {
    async getItem(key) {
      return items.has(key) ? (items.get(key) as string) : null;
    },
    async setItem(key, value) {
      items.set(key, value);
    },
    async removeItem(key) {
      items.delete(key);
    },
    keys: () => [...items.keys()],
  };
}

function officeRuntimeStorage(): KeyValueStorage | null {
  if (typeof OfficeRuntime === "undefined" || !OfficeRuntime.storage) return null;
  const store = OfficeRuntime.storage;
  return {
    getItem: (key) => store.getItem(key),
    setItem: (key, value) => store.setItem(key, value),
    removeItem: (key) => store.removeItem(key),
  };
}

function browserLocalStorage(): KeyValueStorage | null {
  try {
    // Reading the property itself throws in sandboxed frames with storage disabled.
    const store = typeof localStorage === "undefined" ? null : localStorage;
    if (!store) return null;
    return {
      getItem: async (key) => store.getItem(key),
      setItem: async (key, value) => store.setItem(key, value),
      removeItem: async (key) => store.removeItem(key),
    };
  } catch {
    return null;
  }
}

/** The best store this host offers: OfficeRuntime.storage, then localStorage, then memory. */
export function detectStorage(): KeyValueStorage {
  return officeRuntimeStorage() ?? browserLocalStorage() ?? createMemoryStorage();
}
