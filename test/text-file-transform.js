/** Jest transform for the text files the pane bundles as strings (webpack's `asset/source`): the module is the file's text. */
"use strict";
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
