import {existsSync, readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {join, resolve} from "node:path";
import sirv from "sirv";
import {UserError} from "../../errors/userError.js";

/** A running static server over a built site. */
export interface SiteServer {
  /** The base URL without a trailing slash, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Stops listening and ends every open connection (an answer in flight is cut); resolves once closed. */
  close(): Promise<void>;
}

/** How a file named by its content is cached: for a year, never revalidated (RFC 8246). */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Whether a built file's name carries Framework's content hash, eight hex digits before the extension
 * (`/_import/lib/inference/attention.757e3aa4.js`, `/_file/data/site.b59fec8b.json`): a changed file gets a new
 * name, so it may be cached for good. Pages (`moat.html`) do not.
 */
export function isContentHashed(pathname: string): boolean {
  return /\.[0-9a-f]{8}\.[a-z0-9]+$/.test(pathname);
}

/** Largest request head (request line and headers) the server reads: 256 KB, far above any link the pages accept. */
const MAX_REQUEST_HEAD_BYTES = 256 * 1024;

/**
 * Serves a built site (Framework's dist/) the way a static host does, with sirv: clean URLs (`/moat` is
 * `moat.html`), a folder is its `index.html`, anything else is the site's 404.html with status 404. Pages are never
 * cached (`cache-control: no-store`), so a rebuilt site shows at once; the files they load are named by their content
 * (isContentHashed) and cached for good, as static hosts do, so a page's Monte Carlo worker reads the library modules
 * the page has just loaded from the browser's cache instead of asking for them again.
 *
 * @param dir The built site's folder.
 * @param options `port` (0: one the operating system picks) and `host` (default 127.0.0.1).
 * @throws UserError when `dir` holds no built site (no index.html), or the port is taken.
 */
export async function serveSite(
  dir: string,
  {port = 0, host = "127.0.0.1"}: {port?: number; host?: string} = {}
): Promise<SiteServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new UserError({
      flag: "DIR",
      message: "no built site here",
      expected: "a folder with index.html (run `npm run build` first)",
      found: dir
    });
  }
  const notFoundPage = join(root, "404.html");
  const assets = sirv(root, {
    extensions: ["html"],
    dev: true,
    setHeaders: (response, pathname) =>
      response.setHeader("cache-control", isContentHashed(pathname) ? IMMUTABLE : "no-store"),
    onNoMatch: (_request, response) => {
      response.statusCode = 404;
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : "not found\n");
    }
  });
  // A share link far longer than the page accepts (64 settings of 200 characters) still reaches the page, which lists
  // it as too long, instead of Node's bare HTTP 431 for request heads over its 16 KB default (breaker: a 21 KB link).
  const server: Server = createServer({maxHeaderSize: MAX_REQUEST_HEAD_BYTES}, (request, response) => {
    const redirect = withoutTrailingSlash(root, request.url ?? "/");
    if (redirect === undefined) return assets(request, response);
    response.statusCode = 301;
    response.setHeader("location", redirect);
    response.end();
  });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? new UserError({flag: "--port", message: "port in use", expected: "a free port", found: String(port)})
          : // A host that does not resolve or is not this machine's printed Node's stack trace (breaker).
            error.code === "ENOTFOUND" || error.code === "EAI_AGAIN" || error.code === "EADDRNOTAVAIL"
            ? new UserError({
                flag: "--host",
                message: error.code === "EADDRNOTAVAIL" ? "not an address of this machine" : "unknown host",
                expected: "an address of this machine to listen on, such as 127.0.0.1, 0.0.0.0 or localhost",
                found: host
              })
            : error
      )
    );
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  return {
    // An IPv6 address is written in brackets in a URL (it printed http://::1:48123/; second-round breaker).
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    // Every connection with it: a browser's (or fetch's) kept-alive connection went on being answered after close, so
    // a served site stopped by SIGTERM still answered its reader (CI: the test polling it kept one alive).
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      })
  };
}

/**
 * Where a request for a page with a trailing slash (`/moat/`) goes instead: the page's address without it, its query
 * kept, as static hosts redirect. sirv served moat.html there with status 200, and the page's relative links to its
 * scripts and styles resolved under /moat/ and failed, leaving it unstyled and without charts (second-round breaker).
 * Undefined for the root, for a folder with an index.html, and for an address that does not decode.
 */
export function withoutTrailingSlash(root: string, url: string): string | undefined {
  const parsed = new URL(url, "http://localhost");
  if (parsed.pathname === "/" || !parsed.pathname.endsWith("/")) return undefined;
  try {
    if (existsSync(join(root, decodeURIComponent(parsed.pathname), "index.html"))) return undefined;
  } catch {
    return undefined;
  }
  // One leading slash: "/.//evil.com/" parses to the path "//evil.com/", which as a location is another host.
  return `/${parsed.pathname.replace(/^\/+|\/+$/g, "")}${parsed.search}`;
}
