/** A place to write text that respects back-pressure, so a slow pipe never makes output pile up in memory. */
export interface TextSink {
  write(text: string): Promise<void>;
}

interface WritableLike {
  write(text: string): unknown;
  once?(event: "drain", listener: () => void): unknown;
}

export function textSink(stream: WritableLike): TextSink {
  return {
    write(text) {
      if (text === "") return Promise.resolve();
      const accepted = stream.write(text);
      if (accepted !== false || typeof stream.once !== "function") return Promise.resolve();
      return new Promise((resolve) => stream.once!("drain", resolve));
    },
  };
}
