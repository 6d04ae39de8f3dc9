/**
 * The CHOKEPOINT functions as Excel sees them: their metadata (generated from src/functions/functions.ts by
 * the generator the build uses) and a way to call each one by its id the way Excel does, every argument a
 * 2-D array or null when skipped. They run on the add-in's own runtime, that is the bundled rules. Used by
 * the tests that check worked examples in the docs and the formulas of the tutorial workbook.
 */
import "./setup";
import * as path from "path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

export type Grid = unknown[][];

export interface RegisteredFunction {
  metadata: IFunction;
  /** Calls the function, waiting for an asynchronous one; a streaming function (RULESVERSION) gives its first result as one cell. */
  call(args: readonly (Grid | null)[]): Promise<Grid>;
}

const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

export async function registeredFunctions(): Promise<Map<string, RegisteredFunction>> {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
  const metadata = JSON.parse(generated.metadataJson) as { functions: IFunction[] };
  const exported = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
  const registered = new Map<string, RegisteredFunction>();
  for (const fn of metadata.functions) {
    const association = generated.associate.find((a) => a.id === fn.id);
    const implementation = association ? exported[association.functionName] : undefined;
    if (!implementation) throw new Error(`no exported function for ${fn.id}`);
    const streaming = fn.options?.stream === true;
    registered.set(fn.id, {
      metadata: fn,
      async call(args) {
        if (!streaming) return (await implementation(...args)) as Grid;
        let first: unknown = undefined;
        const invocation = { setResult: (value: unknown) => (first ??= value), onCanceled: () => undefined } as { setResult(v: unknown): void; onCanceled: () => void };
        implementation(...args, invocation);
        invocation.onCanceled();
        return [[first]];
      },
    });
  }
  return registered;
}
