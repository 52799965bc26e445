// The site commands of the authoring loop (issue 12): `build` refuses broken scenario files before touching dist/,
// and `serve` serves a built site with clean URLs. Both run on a copy of the project, so data/ and dist/ here stay
// untouched; the build is refused before Framework starts, so this stays fast.
import {spawn, spawnSync} from "node:child_process";
import {connect} from "node:net";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveSite, type SiteServer, withoutTrailingSlash} from "../../src/node/site/serve.js";
import {copyProject} from "../projectCopy.js";
import {answers, freePort, until} from "../serverProbe.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("token-ledger build with broken scenario files", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject(["bin", "data", "docs", "src", "observablehq.config.ts", "package.json"], "token-ledger-build-");
    // A previous build, to be left as it is.
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "dist/index.html"), "<p>the previous build</p>");
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("exits 1, prints every error of every broken file with its location, and leaves dist/ as it was", () => {
    writeFileSync(
      join(dir, "data/scenarios/broken-one.md"),
      "---\nextends: base\nserving:\n  utilization: 80 percent\n---\n\nCosts {{metrics.costPerMilionTokensUsd}}.\n"
    );
    writeFileSync(join(dir, "data/scenarios/broken-two.md"), "---\nextends: base\nserving.batch: -3\n---\n");
    const result = spawnSync(process.execPath, ["bin/token-ledger.js", "build"], {cwd: dir, encoding: "utf8"});
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^token-ledger: data\/scenarios\/broken-one\.md:4:16: serving\.utilization: wrong unit: /),
      expect.stringMatching(
        /^token-ledger: data\/scenarios\/broken-one\.md:7:7: unknown live value in the narrative: .*found "\{\{metrics\.costPerMilionTokensUsd\}\}"/
      ),
      expect.stringMatching(/^token-ledger: data\/scenarios\/broken-two\.md:3:16: serving\.batch: out of range: /),
      "token-ledger: build stopped: 3 errors in 2 files; dist/ is unchanged"
    ]);
    expect(result.stderr).not.toMatch(/file an issue/i);
    expect(readFileSync(join(dir, "dist/index.html"), "utf8")).toBe("<p>the previous build</p>");
    expect(readdirSync(dir).filter((name) => name.startsWith(".dist-"))).toEqual([]);
  });

  // A renamed scenario left `new`'s report page reading its old id: one error in every cell of a site "built"
  // (new-user trial). The page's id is an error at its line, before Framework runs.
  it("stops on a page that reads a scenario no file gives, at the page's line, dist/ as it was", () => {
    rmSync(join(dir, "data/scenarios/broken-one.md"), {force: true});
    rmSync(join(dir, "data/scenarios/broken-two.md"), {force: true});
    writeFileSync(
      join(dir, "docs/renamed.md"),
      '# Renamed\n\n```js\nconst story = await loadStory(FileAttachment("./data/site.json"), "bsae");\n```\n'
    );
    const result = spawnSync(process.execPath, ["bin/token-ledger.js", "build"], {cwd: dir, encoding: "utf8"});
    rmSync(join(dir, "docs/renamed.md"));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^token-ledger: docs\/renamed\.md:4:68: the page reads a scenario no scenario file gives: expected the id of one of the site's scenarios \(.*base.*\), found bsae \(did you mean base\? If a scenario file was renamed or removed, /
      ),
      "token-ledger: build stopped: 1 error in 1 file; dist/ is unchanged"
    ]);
    expect(readFileSync(join(dir, "dist/index.html"), "utf8")).toBe("<p>the previous build</p>");
  });
});

describe("a duplicate id in data/scenarios/", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject(["bin", "data", "src", "package.json"], "token-ledger-dup-");
    // After a reviewer's case: a second file claiming another's id broke that page and every run.
    writeFileSync(join(dir, "data/scenarios/dup-id2.md"), "---\nid: agent-era\nextends: base\n---\n");
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["bin/token-ledger.js", ...args], {cwd: dir, encoding: "utf8"});

  it("is an error at the second file's id:, from validate of the folder or of that file alone", () => {
    const expected =
      "token-ledger: data/scenarios/dup-id2.md:2:5: id: duplicate scenario id: expected one file per id, found agent-era (also the id of data/scenarios/agent-era.md:1:1)\n";
    for (const args of [["validate"], ["validate", "data/scenarios/dup-id2.md"]]) {
      const result = cli(...args);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toBe(expected);
    }
  });

  it("does not stop a run of a scenario outside its chain", () => {
    const result = cli("run", "asic-9-months", "--json", "--samples", "20");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

// A served site stopped by SIGTERM went on answering over a connection kept open (the CI run of the test below).
describe("serveSite's close", () => {
  it("ends every open connection, one in the middle of a request too, and resolves at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-serve-close-"));
    writeFileSync(join(dir, "index.html"), "home");
    const server = await serveSite(dir, {port: 0});
    const {port} = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    // The server ends it mid-request: a reset, which is the point.
    socket.on("error", () => {});
    await new Promise((done) => socket.once("connect", done));
    // Headers not finished: a connection that is not idle, which server.close() alone waits for.
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const ended = new Promise((done) => socket.once("close", done));
    const closed = await Promise.race([
      server.close().then(() => "closed"),
      new Promise((done) => setTimeout(() => done("still open after 3 s"), 3000))
    ]);
    expect(closed).toBe("closed");
    await ended;
    socket.destroy();
    rmSync(dir, {recursive: true, force: true});
  });
});

describe("serveSite", () => {
  let dir: string;
  let server: SiteServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "token-ledger-serve-"));
    mkdirSync(join(dir, "scenarios"));
    writeFileSync(join(dir, "index.html"), "home");
    writeFileSync(join(dir, "moat.html"), "moat");
    writeFileSync(join(dir, "scenarios/base.html"), "base");
    writeFileSync(join(dir, "404.html"), "not here");
    server = await serveSite(dir);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it("serves clean URLs as a static host does, uncached, and the site's 404 page", async () => {
    for (const [path, body] of [
      ["/", "home"],
      ["/moat", "moat"],
      ["/scenarios/base", "base"],
      ["/moat.html", "moat"]
    ]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(body);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    const missing = await fetch(server.url + "/nowhere");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("not here");
  });

  it("caches for good the files named by their content, and nothing else", async () => {
    // A page's worker asked the server again for every library module the page had loaded (no-store on all files).
    mkdirSync(join(dir, "_import/lib"), {recursive: true});
    writeFileSync(join(dir, "_import/lib/attention.757e3aa4.js"), "export {};");
    writeFileSync(join(dir, "notes.js"), "export {};");
    const cacheControl = async (path: string) => (await fetch(server.url + path)).headers.get("cache-control");
    expect(await cacheControl("/_import/lib/attention.757e3aa4.js")).toBe("public, max-age=31536000, immutable");
    expect(await cacheControl("/notes.js")).toBe("no-store");
    expect(await cacheControl("/moat")).toBe("no-store");
  });

  it("redirects a page's address with a trailing slash to the page, its query kept, and never to another host", async () => {
    // /moat/ was served with status 200, and the page's relative scripts and styles failed under it (breaker).
    mkdirSync(join(dir, "folder"));
    writeFileSync(join(dir, "folder/index.html"), "folder");
    const get = (path: string) => fetch(server.url + path, {redirect: "manual"});
    for (const [path, location] of [
      ["/moat/", "/moat"],
      ["/scenarios/base/?set=serving.utilization%3D0.5", "/scenarios/base?set=serving.utilization%3D0.5"]
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(301);
      expect(response.headers.get("location"), path).toBe(location);
    }
    // A path that parses to "//evil.com/" (curl --path-as-is sent "/.//evil.com/"; fetch sends "//evil.com/") is
    // never a location on another host.
    for (const path of ["//evil.com/", "/a/..//evil.com/"]) {
      const location = (await get(path)).headers.get("location");
      expect(location === null || /^\/(?!\/)/.test(location), `${path} → ${location}`).toBe(true);
    }
    // As a raw request line sends it (curl --path-as-is): this host's /evil.com.
    expect(withoutTrailingSlash(dir, "/.//evil.com/")).toBe("/evil.com");
    expect(withoutTrailingSlash(dir, "/a/..//evil.com/?x=1")).toBe("/evil.com?x=1");
    // A folder with an index.html, and the root, are served as they are.
    expect((await get("/folder/")).status).toBe(200);
    expect((await get("/")).status).toBe(200);
  });

  it("serves a page whose share link is far too long, for the page to say so (not Node's bare HTTP 431)", async () => {
    const response = await fetch(`${server.url}/scenarios/base?set=${"x".repeat(100_000)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("base");
  });

  it.each([
    // A name that does not resolve (RFC 6761 reserves .invalid), and an address that is not this machine's (TEST-NET-1,
    // RFC 5737): each printed Node's stack trace (breaker).
    ["nosuchhost.invalid", "unknown host"],
    ["192.0.2.1", "not an address of this machine"]
  ])("refuses --host %s in one line naming the flag", async (host, message) => {
    await expect(serveSite(dir, {port: 0, host})).rejects.toThrow(
      `--host: ${message}: expected an address of this machine to listen on, such as 127.0.0.1, 0.0.0.0 or localhost, found ${host}`
    );
  });

  it("writes an IPv6 host in brackets in its URL (it printed http://::1:PORT; second-round breaker)", async () => {
    const v6 = await serveSite(dir, {port: 0, host: "::1"}).catch(() => null);
    // A machine without IPv6 loopback cannot listen there: nothing to check.
    if (v6 === null) return;
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    } finally {
      await v6.close();
    }
  });

  it.each([
    [
      "",
      'token-ledger: --host: empty: expected an address of this machine to listen on, such as 127.0.0.1, 0.0.0.0, ::1 or localhost, found ""\n'
    ],
    [
      "[::1]",
      'token-ledger: --host: an address in brackets: expected an address of this machine to listen on, such as 127.0.0.1, 0.0.0.0, ::1 or localhost, found "[::1]" (did you mean ::1?)\n'
    ]
  ])("serve --host %j is one line naming --host", (host, message) => {
    const result = spawnSync(process.execPath, [join(ROOT, "bin/token-ledger.js"), "serve", "--host", host], {
      cwd: dir,
      encoding: "utf8"
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
  });

  it("refuses a folder without a built site, in one line naming it", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "bin/token-ledger.js"), "serve", "no-such-dist"], {
      cwd: dir,
      encoding: "utf8"
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "token-ledger: DIR: no built site here: expected a folder with index.html (run `npm run build` first), found no-such-dist\n"
    );
    expect(existsSync(join(dir, "no-such-dist"))).toBe(false);
  });
});

// `kill` of `npm run serve` ended npm and its shell, not the server, which went on answering (new-user trial), as
// preview once did (test/browser/preview.test.ts); serve stops with what started it (parentWatch.ts).
describe("token-ledger serve stops with what started it", () => {
  it("stops once the npm script's shell is killed, saying why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-serve-parent-"));
    writeFileSync(join(dir, "index.html"), "home");
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    // `; true` keeps the shell as the server's parent (a lone command may be exec'd in its place), as npm's is; npm
    // sets npm_lifecycle_event for the script it runs.
    const shell = spawn("sh", ["-c", `"${process.execPath}" bin/token-ledger.js serve "${dir}" --port ${port}; true`], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: {...process.env, npm_lifecycle_event: "serve"}
    });
    let stderr = "";
    shell.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      expect(await until(() => answers(url), 30_000), "serve did not start").toBe(true);
      shell.kill("SIGKILL");
      // ORPHAN_CHECK_MS is a second: well within 10.
      expect(await until(async () => !(await answers(url)), 10_000), "serve still answers").toBe(true);
      expect(stderr).toContain("token-ledger: serve stopped: npm run serve, which started it, has ended");
    } finally {
      shell.kill("SIGKILL");
      rmSync(dir, {recursive: true, force: true});
    }
  }, 60_000);

  // `token-ledger serve dist &` in a script of the user's own stopped a second after the script (breaker).
  it("outlives a script of the user's own that started it in the background", async () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-serve-detached-"));
    writeFileSync(join(dir, "index.html"), "home");
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const env = {...process.env};
    delete env.npm_lifecycle_event;
    const script = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" bin/token-ledger.js serve "${dir}" --port ${port} > /dev/null 2>&1 & echo $!`],
      {cwd: ROOT, encoding: "utf8", env}
    );
    const pid = Number(script.stdout.trim());
    try {
      expect(await until(() => answers(url), 30_000), "serve did not start").toBe(true);
      // The script has ended; three checks of its parent later, the server still answers.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await answers(url), "serve stopped with the script").toBe(true);
    } finally {
      process.kill(pid, "SIGTERM");
      rmSync(dir, {recursive: true, force: true});
    }
    expect(await until(async () => !(await answers(url)), 10_000), "serve still answers after SIGTERM").toBe(true);
  }, 60_000);
});
