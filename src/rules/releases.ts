/**
 * Which of two releases of a rules document came first. A refresh refuses a file from the same address
 * that is older than the one in use (`older_than_active`): a compromised or misconfigured host could
 * otherwise serve last year's validly signed file and silently drop newer controls.
 *
 * The publication date decides; on the same date the version decides, compared piece by piece with runs
 * of digits as numbers (`2025.6.10` after `2025.6.9`, `2025.06.01-2` after `2025.06.01`).
 */
import type { RulesDocument } from "./schema";

export type Release = Pick<RulesDocument, "version" | "publishedAt">;

const PIECES = /\d+|\D+/g;

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Negative when version `a` comes before `b`, positive after, 0 when they are the same text. */
export function compareVersions(a: string, b: string): number {
  const left = a.match(PIECES) ?? [];
  const right = b.match(PIECES) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i], right[i]];
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const order = bothDigits ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** True when `offered` was published before `active` (or on the same day under an earlier version). */
export function isOlderRelease(offered: Release, active: Release): boolean {
  if (offered.publishedAt !== active.publishedAt) return offered.publishedAt < active.publishedAt;
  return compareVersions(offered.version, active.version) < 0;
}
