/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.csv$": "<rootDir>/test/text-file-transform.js",
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "bundler", isolatedModules: true, esModuleInterop: true, resolveJsonModule: true } }],
  },
  moduleNameMapper: {
    // The bundled rules as the build checks and completes them (scripts/checked-rules-loader.js).
    "^.*/default-rules\\.json\\?checked$": "<rootDir>/test/checked-bundled-rules.ts",
    // The same as the first load carries it (src/rules/lean.ts).
    "^.*/default-rules\\.json\\?checked&lean$": "<rootDir>/test/checked-bundled-lean-rules.ts",
    "^.*/default-rules\\.json\\?checked&texts$": "<rootDir>/test/checked-bundled-left-out-texts.ts",
    "^.*/default-rules\\.json\\?checked&producers$": "<rootDir>/test/checked-bundled-producers.ts",
    // office-addin-mock needs only the OfficeApp enum; the package entry pulls an ESM-only module jest on Node 20 cannot load.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
