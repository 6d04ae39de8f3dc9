/**
 * A real HTTPS server on 127.0.0.1 for the refresh tests, plus a `fetch` that trusts it.
 *
 * Node's built-in fetch reads trusted CAs once at process start (NODE_EXTRA_CA_CERTS), so a certificate
 * made inside a test cannot be added to it. Instead the tests inject `fetch` from the `undici` package —
 * the same implementation Node bundles — with a dispatcher that trusts the test certificate and resolves
 * every host name to 127.0.0.1. That lets the tests use a non-local name (`rules.example.test`), so the
 * https-only rule is exercised as it would be against a real host, without any network beyond loopback.
 * Names under `.invalid` (RFC 6761) do not resolve, as on a real network: `ENOTFOUND`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import type { FetchLike } from "../../src/rules/remote";

export const TEST_HOST = "rules.example.test";

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
}

export interface TestServers {
  /** https://rules.example.test:PORT */
  httpsOrigin: string;
  /** http://rules.example.test:PORT — a plain-http host that is not localhost. */
  httpOrigin: string;
  /** http://127.0.0.1:PORT — the same plain-http server reached as localhost. */
  loopbackHttpOrigin: string;
  requests: RecordedRequest[];
  route(path: string, handler: Handler): void;
  clearRoutes(): void;
  fetch: FetchLike;
  /** Stops both servers, dropping any connection still open (e.g. one that never got an answer). */
  close(): Promise<void>;
}

function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-refresh-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "1",
        "-subj", `/CN=${TEST_HOST}`,
        "-addext", `subjectAltName=DNS:${TEST_HOST},DNS:localhost,IP:127.0.0.1`,
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

type LookupCallback = (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

export async function startTestServers(): Promise<TestServers> {
  const { key, cert } = makeCertificate();
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://placeholder").pathname;
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  };
  const httpsServer = createHttpsServer({ key, cert }, handle);
  const httpServer = createHttpServer(handle);
  for (const server of [httpsServer, httpServer]) {
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
  }
  const [httpsPort, httpPort] = await Promise.all([listen(httpsServer), listen(httpServer)]);

  const agent = new Agent({
    connect: {
      ca: cert,
      lookup: (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
        if (hostname.endsWith(".invalid")) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
          return;
        }
        if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
        else callback(null, "127.0.0.1", 4);
      },
    },
  });
  const fetch: FetchLike = (url, init) =>
    undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent }) as unknown as Promise<Response>;

  return {
    httpsOrigin: `https://${TEST_HOST}:${httpsPort}`,
    httpOrigin: `http://${TEST_HOST}:${httpPort}`,
    loopbackHttpOrigin: `http://127.0.0.1:${httpPort}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    clearRoutes: () => routes.clear(),
    fetch,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => httpsServer.close(() => resolve())),
        new Promise<void>((resolve) => httpServer.close(() => resolve())),
        agent.close(),
      ]);
    },
  };
}

/** Serves fixed bytes with an ETag and answers a matching If-None-Match with 304. */
export function serveDocument(body: string | Buffer, etag: string, extraHeaders: Record<string, string> = {}): Handler {
  return (request, response) => {
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { ETag: etag }).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json", ETag: etag, ...extraHeaders }).end(body);
  };
}

/**
 * The test servers for one test file: started before its tests, closed after them, with the routes and the
 * recorded requests cleared before each test. The object forwards to the servers once they are up.
 */
export function useTestServers(): TestServers {
  let started: TestServers | null = null;
  beforeAll(async () => {
    started = await startTestServers();
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    started!.clearRoutes();
    started!.requests.length = 0;
  });
  return new Proxy({} as TestServers, {
    get: (_, key) => {
      if (started === null) throw new Error("the test servers are used before they have started (use them inside a test)");
      return Reflect.get(started, key);
    },
  });
}
