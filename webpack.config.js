const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { rewriteManifest } = require("./scripts/rewrite-manifest");
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
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
      ],
    },
    performance: { hints: false },
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
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, targetUrl) },
        ],
      }),
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

