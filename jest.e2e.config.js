/** Headless-Chromium tests over the built add-in in dist/ (run by `npm test` after the production build). */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 90_000,
  maxWorkers: 1,
};
