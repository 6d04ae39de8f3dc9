import * as z from "./zod";
import { rulesDocumentSchema } from "./schema";

/**
 * The JSON Schema rule authors point their editor at (`"$schema"` in the rules file). It describes the
 * document as written, so fields with defaults are optional. Cross-checks such as unknown item ids are
 * beyond JSON Schema; `chokepoint validate` runs them.
 */
export function rulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(rulesDocumentSchema, { io: "input" }) as Record<string, unknown>;
}

/** The schema as the text kept in docs/rules.schema.json. */
export function rulesJsonSchemaText(): string {
  return `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`;
}
