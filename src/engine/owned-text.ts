/**
 * Text a memo may keep. A cell read from a file is often a slice of the chunk it was parsed from, and in V8 a
 * slice keeps its whole parent alive: a memo keyed by one commodity cell would hold a 16 KB piece of the file.
 * Over a million-row file the memos held thousands of such pieces (40 MB). Memos copy a text when they first
 * keep it; the copy is made once per distinct text, never per row.
 */
export function ownedText(text: string): string {
  // Joining forces a new flat string; the slice then refers to it alone, not to the file's chunk.
  return text.length < 13 ? text : (` ${text}`).slice(1);
}
