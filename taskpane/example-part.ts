/** The example's chunk (start-screen.ts): the list shipped with the add-in and the code that writes it to a sheet. */
import { exampleList } from "./example-list";
import { writeExampleSheet } from "./excel/example-sheet";
import type { ExamplePart } from "./start-screen";

export const examplePart: ExamplePart = { build: exampleList, write: writeExampleSheet };
