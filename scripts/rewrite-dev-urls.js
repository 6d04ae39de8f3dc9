// Rewrites every development URL in manifest.xml (and functions.json) to the production URL (all of them — the Microsoft
// template's string replace changes only the first).
"use strict";

const DEV_URL = "https://localhost:3000/";

function rewriteDevUrls(content, targetUrl) {
  const text = content.toString();
  if (!targetUrl) return text;
  const escaped = DEV_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const origin = new URL(targetUrl).origin;
  // AppDomain entries carry the bare origin, without the trailing slash.
  return text.replace(new RegExp(escaped, "g"), targetUrl).replace(/https:\/\/localhost:3000(?=<)/g, origin);
}

module.exports = { DEV_URL, rewriteDevUrls };
