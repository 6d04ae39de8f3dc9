/**
 * Duplicate keys in JSON text. JSON.parse silently keeps the last of two equal keys, so
 * `{"severity": 0.7, "severity": 0}` would load as 0; a hosted rules file must not be able to hide a
 * value that way. This walks text that JSON.parse has already accepted, in one pass with an explicit
 * stack (no recursion, so a deeply nested hostile file cannot overflow the call stack).
 */

/** Nesting deeper than this is refused: no rules document needs more than a dozen levels. */
export const MAX_JSON_DEPTH = 256;

export interface DuplicateKey {
  /** Where the object holding the key sits, e.g. `["controls", 3]`. */
  segments: (string | number)[];
  key: string;
}

interface Frame {
  kind: "object" | "array";
  /** The segment under which this container sits in its parent (undefined for the root). */
  segment: string | number | undefined;
  keys: Set<string>;
  /** Object: the key whose value is being read next. Array: the index of the next element. */
  pendingKey: string | null;
  index: number;
}

/** The index just after the JSON string literal whose opening quote is at `start`. */
function endOfString(text: string, start: number): number {
  let end = start + 1;
  let escaped = false;
  while (end < text.length) {
    const char = text[end];
    if (escaped) escaped = false;
    else if (char === "\\") escaped = true;
    else if (char === '"') break;
    end += 1;
  }
  return end + 1;
}

/** Every duplicate key, or `tooDeep` when the nesting passes MAX_JSON_DEPTH. `text` must be valid JSON. */
export function findDuplicateKeys(text: string): { keys: DuplicateKey[]; tooDeep: number | null } {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const pathOf = () => stack.slice(1).map((frame) => frame.segment as string | number);
  let expectingKey = false;

  const segmentForValue = (): string | number | undefined => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return undefined;
    return parent.kind === "object" ? (parent.pendingKey ?? "") : parent.index;
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const frame = stack[stack.length - 1];
      if (expectingKey && frame?.kind === "object") {
        const value = JSON.parse(text.slice(i, end)) as string;
        if (frame.keys.has(value)) found.push({ segments: pathOf(), key: value });
        frame.keys.add(value);
        frame.pendingKey = value;
        expectingKey = false;
      }
      i = end - 1;
      continue;
    }
    if (char === "{" || char === "[") {
      if (stack.length >= MAX_JSON_DEPTH) return { keys: found, tooDeep: MAX_JSON_DEPTH };
      stack.push({ kind: char === "{" ? "object" : "array", segment: segmentForValue(), keys: new Set(), pendingKey: null, index: 0 });
      expectingKey = char === "{";
    } else if (char === "}" || char === "]") {
      stack.pop();
      expectingKey = false;
    } else if (char === ",") {
      const frame = stack[stack.length - 1];
      if (frame?.kind === "object") expectingKey = true;
      else if (frame) frame.index += 1;
    }
  }
  return { keys: found, tooDeep: null };
}
