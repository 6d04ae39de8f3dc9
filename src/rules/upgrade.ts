/**
 * Version 1 → version 2. A version-1 document has already been validated against its own shape
 * (schema-v1.ts); this rewrites it as the version-2 document that means the same, which then goes through
 * the version-2 schema and cross-checks like any other. What changes:
 * - `weights.status` gains `dropped` (0), `weights.grades` its default;
 * - HS codes longer than six digits become China tariff lines (`{ code, system: "CN" }`): version 1 took
 *   them from the Chinese announcements, and version 2 asks whose national line a long code is;
 * - `schemaVersion` becomes 2. Items, controls and their timelines keep their meaning as they are.
 */
import type { RulesDocumentV1 } from "./schema-v1";
import type { RulesDocumentInput } from "./schema";

export const UPGRADED_FROM_V1 = 1;

function hsCodeV2(code: string): string | { code: string; system: "CN" } {
  return code.length > 6 ? { code, system: "CN" } : code;
}

export function upgradeV1(document: RulesDocumentV1): RulesDocumentInput {
  return {
    ...(document.$schema === undefined ? {} : { $schema: document.$schema }),
    schemaVersion: 2,
    version: document.version,
    publishedAt: document.publishedAt,
    reviewedAt: document.reviewedAt,
    publisher: document.publisher,
    weights: {
      status: { ...document.weights.status, dropped: 0 },
      categories: document.weights.categories,
    },
    items: document.items.map((item) => ({ ...item, hsCodes: item.hsCodes.map(hsCodeV2) })),
    controls: document.controls.map((control) => ({ ...control, timeline: control.timeline.map((entry) => ({ ...entry })) })),
  };
}
