const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const webpack = require("webpack");
const { rewriteDevUrls } = require("./scripts/rewrite-dev-urls");
const { allowDataTypes } = require("./scripts/data-types-metadata");
const { renderMarkdownPage } = require("./scripts/render-docs");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * The URL the production add-in is served from (must end with "/"). Every https://localhost:3000/
 * in the manifest is rewritten to it — all of them, not only the first.
 */
function productionUrl() {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (!url) return null;
  if (!/^https:\/\/[^/]+\/.*$/.test(url) || !url.endsWith("/")) {
    throw new Error(`ADDIN_PUBLIC_URL must be an https URL ending with "/"; got ${JSON.stringify(url)}`);
  }
  return url;
}

class RewriteDevUrlsInAssets {
  constructor(assetNames, targetUrl) {
    this.assetNames = assetNames;
    this.targetUrl = targetUrl;
  }

  apply(compiler) {
    if (!this.targetUrl) return;
    compiler.hooks.thisCompilation.tap("RewriteDevUrlsInAssets", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteDevUrlsInAssets", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of this.assetNames) {
            if (!assets[name]) continue;
            const text = rewriteDevUrls(assets[name].source(), this.targetUrl);
            compilation.updateAsset(name, new webpack.sources.RawSource(text));
          }
        },
      );
    });
  }
}

/** Turns on Excel data types in the generated functions.json (see scripts/data-types-metadata.js). */
class AllowDataTypesInMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowDataTypesInMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowDataTypesInMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          if (!assets["functions.json"]) return;
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(allowDataTypes(assets["functions.json"].source())));
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const targetUrl = dev ? null : productionUrl();
  if (!dev && !targetUrl) {
    console.warn(
      "[chokepoint] ADDIN_PUBLIC_URL is not set: dist/manifest.xml keeps https://localhost:3000/ URLs. " +
        "Set ADDIN_PUBLIC_URL=https://your.host/path/ for a deployable build.",
    );
  }

  const config = {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true, transpileOnly: true } },
        },
        // The bundled rules, checked and completed at build time (scripts/checked-rules-loader.js).
        {
          test: /default-rules\.json$/,
          resourceQuery: /checked/,
          oneOf: [
            // The first load's lean copy is a module that puts the fields holding their defaults back on import.
            { resourceQuery: /lean/, type: "javascript/auto", use: path.resolve(__dirname, "scripts/checked-rules-loader.js") },
            { type: "json", use: path.resolve(__dirname, "scripts/checked-rules-loader.js") },
          ],
        },
        // Country codes: only the alpha-2 and alpha-3 codes the engine reads (scripts/country-codes-loader.js).
        { test: /i18n-iso-countries[\\/]codes\.json$/, type: "json", use: path.resolve(__dirname, "scripts/country-codes-loader.js") },
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
        // The example supplier list, bundled as text for the pane's "Insert example" (no network needed).
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    // One webpack runtime for both bundles on the page, so modules such as the rules runtime are
    // instantiated once and the pane and the functions share the same state in the shared runtime.
    optimization: {
      // Terser as webpack runs it, told the code is ES2020 (the tsconfig target), given a third pass and leave to hoist function declarations: about 0.9 KB less.
      minimizeOptions: { javascript: { ecma: 2020, compress: { passes: 3, ecma: 2020, hoist_funs: true }, format: { ecma: 2020 } } },
      runtimeChunk: "single",
      // shared.js holds what both entries use. Only initial chunks count: a module that only parts fetched on
      // demand share (the report writer, What changed, Coming up) stays with them instead of joining the first load.
      splitChunks: { chunks: "all", minSize: 0, cacheGroups: { defaultVendors: false, default: false, shared: { name: "shared", chunks: "initial", minChunks: 2, priority: 10, reuseExistingChunk: true } } },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "taskpane/taskpane.css", to: "taskpane.css" },
          { from: "taskpane/support.html", to: "support.html" },
          // Served so that "refresh from a URL" works out of the box with npm start.
          { from: "src/rules/default-rules.json", to: "rules/default-rules.json" },
          // Help pages: the formula help URLs point at docs/functions.html#<function>.
          { from: "docs/*.md", to: "docs/[name].html", transform: (content) => renderMarkdownPage(content) },
          { from: "docs/images/*.png", to: "docs/images/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteDevUrls(content, targetUrl) },
        ],
      }),
      new AllowDataTypesInMetadata(),
      // functions.json carries help URLs; they must point at the deployed docs too.
      new RewriteDevUrlsInAssets(["functions.json"], targetUrl),
    ],
    devServer: {
      host: "localhost",
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
      liveReload: false,
      client: false,
    },
  };

  // Certificates are touched only by `webpack serve`; builds never call office-addin-dev-certs.
  if (env.WEBPACK_SERVE) {
    const { httpsServerOptions } = require("./scripts/https-options");
    config.devServer.server = { type: "https", options: await httpsServerOptions() };
  }
  return config;
};

