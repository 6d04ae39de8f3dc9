// HTTPS options for the dev server, from office-addin-dev-certs.
// On Windows and macOS (and Linux with sudo) getHttpsServerOptions() creates the certificates and
// trusts the CA. On Linux as root without sudo it cannot trust the CA and rejects; the certificates it
// generated are still valid, so we serve with them and say exactly how to trust the CA by hand.
"use strict";
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

function readGenerated() {
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

function trustInstructions(reason) {
  const ca = defaults.caCertificatePath;
  return [
    "",
    "[chokepoint] Serving with the generated development certificate, but its CA is not trusted yet.",
    `[chokepoint] Why: ${reason}`,
    "[chokepoint] To trust it on Debian/Ubuntu (as root):",
    `    mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp ${ca} /usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt && update-ca-certificates`,
    "[chokepoint] Chromium and Chrome read their own store (apt-get install libnss3-tools):",
    `    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n office-addin-dev-ca -i ${ca}`,
    "[chokepoint] On another machine, import that ca.crt into the browser's trusted roots before opening Excel on the web.",
    "",
  ].join("\n");
}

async function httpsServerOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = error && error.message ? error.message : String(error);
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(trustInstructions(reason));
    return readGenerated();
  }
}

module.exports = { httpsServerOptions };
