// Excel passes its data types (entity values such as a Geography "China", formatted numbers) to custom
// functions, and accepts them as results (the PROFILE card), only when functions.json says so with
// `allowCustomDataForDataTypeAny: true`. The metadata format has no per-function switch: the flag is
// top-level and covers every parameter and result of type `any`, which is how all CHOKEPOINT functions
// declare their arguments (RULESVERSION, with no argument and a string result, is untouched by it).
// custom-functions-metadata 2.2 writes the flag by itself, older releases did not, and its docs say
// nothing about it; so the build sets it here, in one place, whatever the generator did.
"use strict";

const FLAG = "allowCustomDataForDataTypeAny";

/** functions.json text → the same metadata with the data-types flag on, first, in the generator's 4-space layout. */
function allowDataTypes(metadataText) {
  const metadata = JSON.parse(metadataText.toString());
  if (metadata === null || typeof metadata !== "object" || !Array.isArray(metadata.functions)) {
    throw new Error("functions.json: expected an object with a functions array");
  }
  const rest = { ...metadata };
  delete rest[FLAG];
  return JSON.stringify({ [FLAG]: true, ...rest }, null, 4);
}

module.exports = { FLAG, allowDataTypes };
