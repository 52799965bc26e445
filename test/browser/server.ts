// A tiny static file server over the built site (dist/), for the browser tests and the page-latency benchmark. It
// serves Framework's clean URLs the way a static host does: `/X` is `X.html`, a directory is its `index.html`.
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file",
  ".zip": "application/zip"
};

export interface StaticServer {
  /** The base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `rootDir` on 127.0.0.1 at a free port chosen by the operating system. */
export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server = createServer(async (request, response) => {
    try {
      const {pathname, search} = new URL(request.url ?? "/", "http://127.0.0.1");
      const found = await resolveFile(root, decodeURIComponent(pathname));
      if (found === "redirect") {
        response.writeHead(301, {location: `${pathname}/${search}`}).end();
      } else if (found === null) {
        response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end(`not found: ${pathname}\n`);
      } else {
        const type = CONTENT_TYPES[extname(found).toLowerCase()] ?? "application/octet-stream";
        response.writeHead(200, {"content-type": type, "cache-control": "no-store"});
        if (request.method === "HEAD") response.end();
        else createReadStream(found).pipe(response);
      }
    } catch (error) {
      response.writeHead(500, {"content-type": "text/plain; charset=utf-8"}).end(`${error}\n`);
    }
  });
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok, fail) => server.close((error) => (error ? fail(error) : ok())))
  };
}

/** The file to serve for a URL path, "redirect" for a directory named without its trailing slash, or null. */
async function resolveFile(root: string, pathname: string): Promise<string | "redirect" | null> {
  const path = resolve(join(root, pathname));
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the root with ../
  if (pathname.endsWith("/")) return (await isFile(join(path, "index.html"))) ? join(path, "index.html") : null;
  if (await isFile(path)) return path;
  if (await isFile(`${path}.html`)) return `${path}.html`;
  // Pages in a folder link their assets relatively (../_observablehq/…), so /dir must become /dir/.
  if (await isFile(join(path, "index.html"))) return "redirect";
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
