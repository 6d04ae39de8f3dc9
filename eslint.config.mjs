import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test/**/actual.*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: "A focused test would skip the rest of the suite." }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The engine is pure: no Office.js, DOM, fetch or Node I/O (test/engine also proves it).
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": ["error", "fetch", "window", "document", "Office", "Excel", "OfficeRuntime", "CustomFunctions", "XMLHttpRequest", "localStorage", "process", "require"],
      "no-restricted-imports": ["error", { patterns: ["fs", "path", "node:*", "http", "https", "os", "child_process", "office-*"] }],
    },
  },
);
