import { rulesJsonSchemaText } from "../../rules/json-schema";
import { EXIT, type CommandIo } from "../io";

/** `chokepoint schema`: prints the JSON Schema of the rules document (the same text as docs/rules.schema.json). */
export function schemaCommand(io: CommandIo): number {
  io.stdout.write(rulesJsonSchemaText());
  return EXIT.ok;
}
