import {parse as parseYaml} from "yaml";
// A report project outside this package (token-ledger new): its own catalog rows and scenarios add to the bundled
// ones, and its mistakes are reported like the bundled files'. The project is found through TOKEN_LEDGER_PROJECT
// here (a command run inside it finds it from the working directory: test/browser/project.test.ts).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {spawnSync} from "node:child_process";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {calibrationWriteTarget} from "../../src/cli/commands/calibration.js";
import {createProject, tokenLedgerSource} from "../../src/node/newProject.js";
import {FAVICON_LINK} from "../../src/node/favicon.js";
import {findProject} from "../../src/node/paths.js";
import {checkScenarioFiles} from "../../src/node/scenarioCheck.js";
import {componentStyles, ignoredSettingsNotice} from "../../src/node/sitePages.js";
import {REPO_ROOT} from "../projectCopy.js";
import {runCli} from "./runCli.js";

const H100_ROW = readFileSync(join(REPO_ROOT, "data/hardware.csv"), "utf8")
  .split("\n")
  .find((line) => line.startsWith("h100-sxm,"))!;
const HARDWARE_HEADER = readFileSync(join(REPO_ROOT, "data/hardware.csv"), "utf8").split("\n")[0]!;
const MODELS = readFileSync(join(REPO_ROOT, "data/models.csv"), "utf8").split("\n");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "token-ledger-project-"));
});
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
afterEach(() => vi.unstubAllEnvs());

/** A new project in a fresh folder, made by `new`, found by the commands that follow. */
async function newProject(name: string): Promise<string> {
  const dir = join(tmp, name);
  // A spec, so that `new` does not pack this checkout (tsc, ~30 s) for every project: the default is tested below.
  const result = await runCli(["new", dir, "--token-ledger", "^0.1.0"]);
  expect(result.code, result.stderr).toBe(0);
  vi.stubEnv("TOKEN_LEDGER_PROJECT", dir);
  return dir;
}

describe("token-ledger new", () => {
  it("creates a project: package.json, config, pages, a scenario extending a bundled one, catalogs, README, test", async () => {
    const dir = await newProject("fresh");
    const files = readdirSync(dir, {recursive: true}).map(String).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        ".gitignore",
        "README.md",
        "data/hardware.csv",
        "data/models.csv",
        "data/scenarios/my-scenario.md",
        "docs/404.md",
        "docs/data/site.json.ts",
        "docs/glossary.md.ts",
        "docs/index.md",
        "docs/reference.md.ts",
        "docs/report.md",
        "docs/scenarios/[id].md.ts",
        "observablehq.config.ts",
        "package.json",
        "test/scenarios.test.js"
      ])
    );
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@observablehq/framework", "token-ledger"]);
    // A glob, which both Node 20 (the shell expands it) and Node 21+ (node expands it) run; `node --test test/` fails
    // from Node 21 on (the folder is run as a file).
    expect(pkg.scripts.test).toBe("node --test test/*.test.js");
    expect(readFileSync(join(dir, "data/hardware.csv"), "utf8").trim()).toBe(HARDWARE_HEADER.trim());
    expect(readFileSync(join(dir, "data/scenarios/my-scenario.md"), "utf8")).toMatch(/^extends: base$/m);
    const validate = await runCli(["validate"]);
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toBe("1 scenario file valid\n");
  });

  it("notes a scenario that moves base to a B200 but keeps base's H100-sourced values (session 46's left list)", async () => {
    const dir = await newProject("inherited-sources");
    writeFileSync(
      join(dir, "data/scenarios/b200.md"),
      '---\nextends: base\nserving:\n  hardware: b200\nsources:\n  serving.hardware: "NVIDIA B200 datasheet"\n---\n'
    );
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    // The file is named as the command names the project's files (here by its path: the project is found through
    // TOKEN_LEDGER_PROJECT, not the working directory).
    const note = validate.stderr
      .split("\n")
      .find((line) => line.startsWith("token-ledger: note: ") && line.includes("b200.md moves off"));
    // base.md's lines of the three keys, as `run base` lists them.
    const base = readFileSync(join(REPO_ROOT, "data/scenarios/base.md"), "utf8").split("\n");
    const line = (key: string) => base.findIndex((text) => text.startsWith(`  ${key}:`)) + 1;
    expect(note).toContain(
      "data/scenarios/b200.md moves off base's h100-sxm (serving.hardware and training.hardware " +
        "are b200 here) but keeps 3 values from base whose sources name H100: serving.tensorParallel (8, line " +
        `${line("tensorParallel")} of `
    );
    expect(note).toContain(`training.chips (16384, line ${line("chips")} of `);
    // Set again in the file with a source of its own, each value is the author's: no note.
    writeFileSync(
      join(dir, "data/scenarios/b200.md"),
      "---\nextends: base\nserving:\n  hardware: b200\n  tensorParallel: 4\ntraining:\n  mfu: 0.4\n  chips: 8192\n" +
        'sources:\n  serving.hardware: "a"\n  serving.tensorParallel: "b"\n  training.mfu: "c"\n  training.chips: "d"\n---\n'
    );
    const again = await runCli(["validate"]);
    expect(again.stderr).not.toContain("moves off");
  });

  it("gives every page an inline favicon, so no page requests /favicon.ico (new-user trial: a 404)", async () => {
    const dir = await newProject("favicon");
    // The project's config, evaluated with its `token-ledger/node` import pointed at this checkout's source (the
    // project has no node_modules here).
    const text = readFileSync(join(dir, "observablehq.config.ts"), "utf8");
    const entry = JSON.stringify(join(REPO_ROOT, "src/node/index.ts"));
    expect(text).toContain('from "token-ledger/node";');
    const banner = JSON.stringify(join(REPO_ROOT, "docs/components/problemsBanner.ts"));
    writeFileSync(
      join(dir, "config-here.ts"),
      text.replace('"token-ledger/node"', entry).replace('"token-ledger/components/problemsBanner.js"', banner)
    );
    const {default: config} = await import(join(dir, "config-here.ts"));
    // The head's first element is the icon, a data: URL (nothing to fetch), then the component styles as before, and on
    // a page that takes no settings the script that says a link's ?set= is not applied there.
    expect(config.head({path: "/scenarios/mine"})).toBe(FAVICON_LINK + componentStyles());
    const notice = ignoredSettingsNotice({path: "/glossary"});
    expect(notice).toContain('box.dataset.notice = "ignored-settings"');
    expect(config.head({path: "/glossary"})).toBe(FAVICON_LINK + componentStyles() + notice);
    // The header is the banner of data files in error (none here: the files checked are this checkout's).
    expect(config.header).toBe("");
    // Base64, with no % for Framework to re-encode (it turned %23 into %2523: the coin drew black).
    const base64 = FAVICON_LINK.match(
      /^<link rel="icon" type="image\/png" sizes="64x64" href="data:image\/png;base64,([A-Za-z0-9+/=]+)">$/
    )?.[1];
    // A PNG (its signature), 64 × 64 (the IHDR chunk's width and height); test/browser/favicon.test.ts compares its
    // pixels with the SVG's.
    const png = Buffer.from(base64!, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]);
  });

  it("refuses a folder that is not empty, naming it, and leaves it as it was", async () => {
    const dir = join(tmp, "taken");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    const result = await runCli(["new", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`the folder ${dir} is not empty`);
    expect(result.stderr).toContain("notes.txt");
    expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("refuses a path that is a file, or inside one: one line naming the file, nothing written", async () => {
    const file = join(tmp, "notes.md");
    writeFileSync(file, "mine\n");
    for (const dir of [file, join(file, "report"), join(file, "a", "b")]) {
      const result = await runCli(["new", dir, "--token-ledger", "^0.1.0"]);
      expect(result.code, dir).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^token-ledger: DIR: .*not a folder: expected a new or empty folder, found /);
      expect(result.stderr).toContain(dir === file ? `found ${file}` : `${file} is a file, not a folder`);
      expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|ENOTDIR/);
    }
    expect(readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("refuses a folder inside token-ledger's own, where its files would sit among the package's (author trial)", async () => {
    const root = resolve(REPO_ROOT);
    for (const dir of [join(root, "inside-report"), root]) {
      const result = await runCli(["new", dir, "--token-ledger", "^0.1.0"]);
      expect(result.code, dir).toBe(1);
      expect(result.stderr).toBe(
        `token-ledger: DIR: inside token-ledger's own folder: expected a folder outside ${root}, found ${dir}\n`
      );
      expect(existsSync(join(root, "inside-report"))).toBe(false);
    }
  });

  it("refuses a folder inside another report project, at any depth (new sub-report in a project made one; trial)", async () => {
    const project = join(tmp, "outer-report");
    mkdirSync(join(project, "docs"), {recursive: true});
    writeFileSync(join(project, "package.json"), JSON.stringify({dependencies: {"token-ledger": "^0.1.0"}}));
    writeFileSync(join(project, "observablehq.config.ts"), "export default {};\n");
    for (const dir of [join(project, "sub-report"), join(project, "docs", "a", "b")]) {
      const result = await runCli(["new", dir, "--token-ledger", "^0.1.0"]);
      expect(result.code, dir).toBe(1);
      expect(result.stderr).toBe(
        `token-ledger: DIR: inside the report project ${project} (its package.json depends on token-ledger): ` +
          `expected a folder outside any report project or copy of token-ledger, found ${dir}\n`
      );
    }
    // Read as on disk (breaker): a link into the project is inside it; a link out of it is not.
    const outside = join(tmp, "outside-real");
    mkdirSync(outside);
    symlinkSync(join(project, "docs"), join(tmp, "link-in"));
    symlinkSync(outside, join(project, "link-out"));
    expect((await runCli(["new", join(tmp, "link-in", "sub"), "--token-ledger", "^0.1.0"])).stderr).toContain(
      `inside the report project ${project} `
    );
    expect((await runCli(["new", join(project, "link-out", "sub"), "--token-ledger", "^0.1.0"])).code).toBe(0);
    // Another copy of token-ledger (a package.json of that name) is refused too.
    const copy = join(tmp, "another-checkout");
    mkdirSync(copy);
    writeFileSync(join(copy, "package.json"), JSON.stringify({name: "token-ledger"}));
    expect((await runCli(["new", join(copy, "sub"), "--token-ledger", "^0.1.0"])).stderr).toContain(
      `inside a copy of token-ledger ${copy} (its package.json is token-ledger's)`
    );
    expect(readdirSync(project).sort()).toEqual(["docs", "link-out", "observablehq.config.ts", "package.json"]);
    // A package.json that depends on token-ledger without a Framework config (npm install token-ledger in a home
    // folder), or one that does not parse, is no project.
    const home = join(tmp, "home-like");
    mkdirSync(home);
    writeFileSync(join(home, "package.json"), JSON.stringify({dependencies: {"token-ledger": "^0.1.0"}}));
    expect((await runCli(["new", join(home, "report"), "--token-ledger", "^0.1.0"])).code).toBe(0);
    // Under peerDependencies too, and with a byte-order mark (npm reads both).
    writeFileSync(join(project, "package.json"), "\uFEFF" + JSON.stringify({peerDependencies: {"token-ledger": "*"}}));
    expect((await runCli(["new", join(project, "sub-peer"), "--token-ledger", "^0.1.0"])).code).toBe(1);
    writeFileSync(join(project, "package.json"), "{not json");
    expect((await runCli(["new", join(project, "sub-report"), "--token-ledger", "^0.1.0"])).code).toBe(0);
  });

  // `--token-ledger ""` wrote "token-ledger": "" (latest from the registry, where it is not published) and exited 0;
  // `--title ""` a blank site name; `new ""` was told "inside token-ledger's own folder" (breaker).
  it.each([
    [["", "--token-ledger", "^0.1.0"], 'DIR: empty: expected a folder\'s path, found ""'],
    [
      ["{dir}", "--token-ledger", ""],
      '--token-ledger: empty: expected a version range, file:PATH or a tarball, found ""'
    ],
    [["{dir}", "--token-ledger", "^0.1.0", "--title", "  "], '--title: empty: expected the site\'s title, found "  "'],
    // What npm cannot install (an invalid tag) wrote a project whose `npm install` failed (breaker).
    [
      ["{dir}", "--token-ledger", "not a spec!!"],
      '--token-ledger: not something npm can install: expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found not a spec!! (Invalid tag name "not a spec!!" of package "token-ledger@not a spec!!": Tags may not have any characters that encodeURIComponent encodes.)'
    ]
  ])("refuses an empty or unusable value: new %j", async (args, message) => {
    const dir = join(tmp, "blank");
    const result = await runCli(["new", ...args.map((arg) => arg.replace("{dir}", dir))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`token-ledger: ${message}\n`);
    expect(existsSync(dir)).toBe(false);
  });

  // A U+202E in the title made the site's name read backwards, and a file: spec that names nothing failed only at
  // `npm install` (breaker).
  it.each([
    [
      ["--title", "a\u202eb", "--token-ledger", "^0.1.0"],
      "--title: a title with a direction-changing character: expected a title on one line, found U+202E at character 2"
    ],
    // A path that is there but is neither a package folder nor a tarball (a CSV; second-round breaker).
    [
      ["--token-ledger", `file:${join(process.cwd(), "README.md")}`],
      `--token-ledger: not a package tarball (${join(process.cwd(), "README.md")}): expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found file:${join(process.cwd(), "README.md")}`
    ],
    // Paths without file:, a range only loose parsing reads, a line break, a git host without a repository: each wrote
    // a project whose `npm install` failed or installed any version (second-round breaker).
    [
      ["--token-ledger", "/nonexistent-token-ledger"],
      "--token-ledger: no such file or folder (/nonexistent-token-ledger, from the project's folder): expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found /nonexistent-token-ledger"
    ],
    [
      ["--token-ledger", "^0.1.0 garbage!!"],
      "--token-ledger: not a version range: expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found ^0.1.0 garbage!! (npm would read it loosely, as any version)"
    ],
    [
      ["--token-ledger", "latest\nx"],
      '--token-ledger: a line break or control character in the spec: expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found "latest\\nx"'
    ],
    [
      ["--token-ledger", "github:x"],
      "--token-ledger: a git host without a repository: expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found github:x (write github:OWNER/REPOSITORY)"
    ],
    [
      ["--token-ledger", "file:/nonexistent-token-ledger"],
      "--token-ledger: no such file or folder (/nonexistent-token-ledger, from the project's folder): expected a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL, found file:/nonexistent-token-ledger"
    ]
  ])("refuses new {dir} %j in one line, writing nothing", async (args, message) => {
    const dir = join(tmp, "refused");
    const result = await runCli(["new", dir, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`token-ledger: ${message}\n`);
    expect(existsSync(dir)).toBe(false);
  });

  // 'The "AI" ledger: costs #1' broke the config (TypeScript) and the front matter (YAML), and `$&` in a title was read
  // as a replacement pattern that pasted the template into the config (breaker).
  it("writes a title with quotes, a colon, a hash and dollar patterns as it was given", async () => {
    const dir = join(tmp, "odd-title");
    const title = `The "AI" ledger: costs #1 $& $' $$`;
    const result = await runCli(["new", dir, "--title", title, "--token-ledger", "^0.1.0"]);
    expect(result.code, result.stderr).toBe(0);
    const config = readFileSync(join(dir, "observablehq.config.ts"), "utf8");
    expect(config).toContain(`title: ${JSON.stringify(title)},`);
    const index = readFileSync(join(dir, "docs", "index.md"), "utf8");
    const frontMatter = index.split("---\n")[1]!;
    expect((parseYaml(frontMatter) as {title: string}).title).toBe(title);
    // The heading is page Markdown: its & is written &amp; (it reads the same).
    expect(index).toContain(`# ${title.replace("&", "&amp;")}\n`);
    expect(readFileSync(join(dir, "README.md"), "utf8").split("\n")[0]).toBe(`# ${title}`);
  });

  // `${z}` in a title ran as a page expression and `<b>` was left open in docs/index.md (second-round breaker).
  it("writes a title into the page's Markdown as text: HTML escaped, ${ escaped as Framework reads it", async () => {
    const dir = join(tmp, "markup-title");
    const title = "Costs ${z} <b> & co";
    const result = await runCli(["new", dir, "--title", title, "--token-ledger", "^0.1.0"]);
    expect(result.code, result.stderr).toBe(0);
    const index = readFileSync(join(dir, "docs", "index.md"), "utf8");
    expect(index).toContain("# Costs \\${z} &lt;b&gt; &amp; co\n");
    // The front matter and the config keep the title as given (a JSON string).
    expect((parseYaml(index.split("---\n")[1]!) as {title: string}).title).toBe(title);
    expect(readFileSync(join(dir, "observablehq.config.ts"), "utf8")).toContain(`title: ${JSON.stringify(title)},`);
  });

  // Node's recursive mkdir spun at full CPU for ever on /proc/foo (breaker): the folders are made one at a time.
  it.skipIf(!existsSync("/proc/self"))("fails at once where a folder cannot be made (/proc)", async () => {
    const result = await runCli(["new", "/proc/token-ledger-test/report", "--token-ledger", "^0.1.0"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^token-ledger: DIR: could not write the project in \/proc\/token-ledger-test\/report /
    );
  });

  it("with no folder: one line naming the missing argument", async () => {
    const result = await runCli(["new"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "token-ledger: missing argument of token-ledger new: expected <dir>, found nothing (see token-ledger new --help)\n"
    );
  });
});

describe("commands inside a project", () => {
  it("run of a scenario the project does not have: one line with the known ids and the closest one", async () => {
    await newProject("run-missing");
    const result = await runCli(["run", "my-scenaro", "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^token-ledger: SCENARIO: unknown scenario 'my-scenaro': expected .*my-scenario/);
    expect(result.stderr).toContain("found my-scenaro (did you mean my-scenario?)");
  });

  it("pdf with no built site: one line naming --site and what to run", async () => {
    const dir = await newProject("pdf-unbuilt");
    const result = await runCli(["pdf", "/report", "--site", join(dir, "dist"), "--out", join(dir, "report.pdf")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `token-ledger: --site: no built site here: expected a folder with index.html (run \`npm run build\` first), found ${join(dir, "dist")}\n`
    );
    expect(existsSync(join(dir, "report.pdf"))).toBe(false);
  });
});

describe("the token-ledger dependency a new project gets", () => {
  /** A package folder at `path` (under tmp), with a lockfile entry for it when `resolved` is given. */
  const fakeInstall = (path: string, resolved?: string) => {
    const root = join(tmp, path);
    mkdirSync(root, {recursive: true});
    writeFileSync(join(root, "package.json"), JSON.stringify({name: "token-ledger", version: "0.1.0"}));
    const at = path.split("/").indexOf("node_modules");
    if (resolved !== undefined && at >= 0) {
      const installRoot = join(tmp, ...path.split("/").slice(0, at));
      const key = path.split("/").slice(at).join("/");
      writeFileSync(join(installRoot, "package-lock.json"), JSON.stringify({packages: {[key]: {resolved}}}));
    }
    return root;
  };

  it("is a registry range only when the lockfile above the package says it came from a registry", () => {
    expect(tokenLedgerSource(fakeInstall("src-a/node_modules/token-ledger", "https://registry.npmjs.org/x.tgz"))).toBe(
      "registry"
    );
    expect(tokenLedgerSource(fakeInstall("src-b/node_modules/token-ledger", "file:../token-ledger-0.1.0.tgz"))).toBe(
      "local"
    );
    expect(tokenLedgerSource(fakeInstall("src-c/node_modules/token-ledger"))).toBe("local");
    expect(tokenLedgerSource(fakeInstall("src-d/checkout"))).toBe("local");
    // This repository is a checkout.
    expect(tokenLedgerSource(REPO_ROOT)).toBe("local");
  });

  it("from a checkout or a tarball install: the package packed into vendor/, named by a file: path inside the project", () => {
    const packageRoot = fakeInstall("pack-me");
    const dir = join(tmp, "vendored");
    createProject(dir, {packageRoot});
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies["token-ledger"]).toBe("file:vendor/token-ledger-0.1.0.tgz");
    expect(existsSync(join(dir, "vendor/token-ledger-0.1.0.tgz"))).toBe(true);
  });

  it("from a registry install: ^VERSION, and nothing packed", () => {
    const packageRoot = fakeInstall("reg/node_modules/token-ledger", "https://registry.npmjs.org/x.tgz");
    const dir = join(tmp, "from-registry");
    createProject(dir, {packageRoot});
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies["token-ledger"]).toMatch(/^\^\d/);
    expect(existsSync(join(dir, "vendor"))).toBe(false);
  });

  it("when npm cannot pack: one line naming --token-ledger, and no folder left behind", () => {
    const packageRoot = join(tmp, "not-a-package");
    mkdirSync(packageRoot, {recursive: true});
    const dir = join(tmp, "unpackable");
    expect(() => createProject(dir, {packageRoot})).toThrow(/--token-ledger/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe("calibration --write in an installed package", () => {
  it("refuses, naming --write, why and what to do; a checkout writes its src/", () => {
    const installed = join(tmp, "installed/node_modules/token-ledger");
    mkdirSync(installed, {recursive: true});
    expect(() => calibrationWriteTarget(installed)).toThrow(/--write.*installed package.*checkout of token-ledger/);
    expect(calibrationWriteTarget(REPO_ROOT)).toBe(join(REPO_ROOT, "src/inference/servingCalibration.generated.ts"));
  });
});

describe("a project's catalog rows", () => {
  it("add a chip that the project's scenario runs on", async () => {
    const dir = await newProject("chip");
    writeFileSync(
      join(dir, "data/hardware.csv"),
      `${HARDWARE_HEADER}\n${H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip X1,")}\n`
    );
    writeFileSync(
      join(dir, "data/scenarios/on-my-chip.md"),
      "---\ntitle: On my chip\nextends: my-scenario\nserving:\n  hardware: my-chip\n---\n"
    );
    expect(findProject()?.root).toBe(dir);
    const result = await runCli(["run", "on-my-chip", "--json"]);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report.scenario.chain).toEqual(["on-my-chip", "my-scenario", "base"]);
    expect(JSON.stringify(report.assumptions)).toContain("my-chip");
    const catalog = await runCli(["catalog", "hardware", "--json"]);
    expect(JSON.parse(catalog.stdout).map((row: {id: string}) => row.id)).toContain("my-chip");
  });

  it("note a chip priced under $1,000, where thousands were likely meant (31.12 for $31.12k; breaker)", async () => {
    const dir = await newProject("cheap-chip");
    const row = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip X1,");
    const cells = row.split(",");
    const priceColumn = HARDWARE_HEADER.split(",").indexOf("price_usd");
    cells[priceColumn] = "31.12";
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${cells.join(",")}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    // The cell's column: one past the commas and cells before it.
    const column = cells.slice(0, priceColumn).join(",").length + 2;
    expect(validate.stderr).toBe(
      `token-ledger: note: ${join(dir, "data/hardware.csv")}:2:${column}: price_usd 31.12 is $31.12 (the column is in ` +
        "US dollars), where a chip costs thousands: write 31120 if $31.12k was meant\n"
    );
  });

  it("note a system_overhead written as a percentage's number (50 for 50%: 5,000%; breaker)", async () => {
    const dir = await newProject("percent-overhead");
    const cells = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip X1,").split(",");
    const overheadColumn = HARDWARE_HEADER.split(",").indexOf("system_overhead");
    cells[overheadColumn] = "50";
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${cells.join(",")}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    const column = cells.slice(0, overheadColumn).join(",").length + 2;
    expect(validate.stderr).toBe(
      `token-ledger: note: ${join(dir, "data/hardware.csv")}:2:${column}: system_overhead 50 is 5,000% (a bare number ` +
        "is a fraction: 0.5 is 50%): write 0.5 if 50% was meant\n"
    );
  });

  it("note a figure under a tenth of any bundled chip's (scale_up_gbps 0.45 for 0.45 TB/s: 29.6 USD/Mtok; breaker)", async () => {
    const dir = await newProject("tiny-link");
    const cells = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip X1,").split(",");
    const linkColumn = HARDWARE_HEADER.split(",").indexOf("scale_up_gbps");
    cells[linkColumn] = "0.45";
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${cells.join(",")}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    const column = cells.slice(0, linkColumn).join(",").length + 2;
    expect(validate.stderr).toBe(
      `token-ledger: note: ${join(dir, "data/hardware.csv")}:2:${column}: scale_up_gbps 0.45 is 0.45 GB/s, under a ` +
        "tenth of any bundled chip's (the least, tpu-v3's, is 80 GB/s): write 450 if 0.45 TB/s was meant\n"
    );
  });

  it("note a cheap chip beside another row's error: both printed (the note vanished; breaker)", async () => {
    const dir = await newProject("cheap-chip-and-error");
    const header = HARDWARE_HEADER.split(",");
    const cheap = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip X1,").split(",");
    cheap[header.indexOf("price_usd")] = "31.12";
    const bad = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip2,My Chip X2,").split(",");
    bad[header.indexOf("hbm_gb")] = "abc";
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${cheap.join(",")}\n${bad.join(",")}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code).toBe(1);
    const file = join(dir, "data/hardware.csv");
    expect(validate.stderr).toMatch(new RegExp(`^token-ledger: ${file}:3:\\d+: hbm_gb: not a number`, "m"));
    expect(validate.stderr).toContain(`token-ledger: note: ${file}:2:`);
    expect(validate.stderr).toContain("price_usd 31.12 is $31.12 (the column is in US dollars)");
  });

  it("replace a bundled row of the same id, and validate says so", async () => {
    const dir = await newProject("override");
    writeFileSync(
      join(dir, "data/hardware.csv"),
      `${HARDWARE_HEADER}\n${H100_ROW.replace(/^h100-sxm,[^,]*,/, "h100-sxm,My H100,")}\n`
    );
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toBe(
      `token-ledger: note: ${join(dir, "data/hardware.csv")}:2:1: id 'h100-sxm' overrides the bundled row of data/hardware.csv\n`
    );
    const catalog = JSON.parse((await runCli(["catalog", "hardware", "--json"])).stdout) as {
      id: string;
      name: string;
    }[];
    expect(catalog.filter((row) => row.id === "h100-sxm").map((row) => row.name)).toEqual(["My H100"]);
  });

  it("replace a bundled row, and run, compare and catalog say so on stderr (their output unchanged)", async () => {
    const dir = await newProject("override-run");
    writeFileSync(
      join(dir, "data/hardware.csv"),
      `${HARDWARE_HEADER}\n${H100_ROW.replace(/^h100-sxm,[^,]*,/, "h100-sxm,My H100,")}\n`
    );
    const note = `token-ledger: note: ${join(dir, "data/hardware.csv")}:2:1: id 'h100-sxm' overrides the bundled row of data/hardware.csv\n`;
    for (const args of [
      ["run", "my-scenario", "--json"],
      ["compare", "base", "my-scenario", "--json"],
      ["catalog", "hardware", "--json"]
    ]) {
      const result = await runCli(args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr, args.join(" ")).toBe(note);
      expect(() => JSON.parse(result.stdout)).not.toThrow();
    }
  });

  it("print the catalog notes after a scenario's error, once (validate, run, compare dropped them; tester)", async () => {
    const dir = await newProject("notes-after-errors");
    const header = HARDWARE_HEADER.split(",");
    const cells = H100_ROW.split(",");
    cells[header.indexOf("power_w")] = "1.2";
    cells[header.indexOf("system_power_w")] = "2";
    const file = join(dir, "data/hardware.csv");
    writeFileSync(file, `${HARDWARE_HEADER}\n${cells.join(",")}\n`);
    const scenario = join(dir, "data/scenarios/my-scenario.md");
    writeFileSync(scenario, readFileSync(scenario, "utf8").replace("utilization: 0.7", "utilization: 2"));
    const at = (column: string) => cells.slice(0, header.indexOf(column)).join(",").length + 2;
    const notes =
      `token-ledger: note: ${file}:2:1: id 'h100-sxm' overrides the bundled row of data/hardware.csv\n` +
      `token-ledger: note: ${file}:2:${at("power_w")}: power_w 1.2 is 1.2 W, under a tenth of any bundled chip's ` +
      "(the least, tpu-v5e's, is 140 W): write 1200 if 1.2 kW was meant\n" +
      `token-ledger: note: ${file}:2:${at("system_power_w")}: system_power_w 2 is 2 W, under a tenth of any bundled ` +
      "chip's (the least, tpu-v5e's, is 218 W): write 2000 if 2 kW was meant\n";
    for (const args of [["validate"], ["run", "my-scenario"], ["compare", "base", "my-scenario"]]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(1);
      const [error, ...rest] = result.stderr.split(/(?<=\n)/);
      expect(error, args.join(" ")).toMatch(/my-scenario\.md:\d+:\d+: serving\.utilization: out of range/);
      expect(rest.join(""), args.join(" ")).toBe(notes);
    }
    // sweep notes them before it binds the scenario: an error in a bundled file then points back to them.
    writeFileSync(file, `${HARDWARE_HEADER}\n${cells.join(",").replace(",80,3.35,79.11,", ",8,3.35,7.911,")}\n`);
    const sweep = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.utilization=0.3:0.9:3",
      "--out",
      join(dir, "sweep.csv")
    ]);
    expect(sweep.code).toBe(1);
    expect(sweep.stderr.split(`id 'h100-sxm' overrides`)).toHaveLength(2);
    expect(sweep.stderr).toContain("this row overrides a bundled one, noted above\n");
  });

  it("with a bad cell: an error at its file:line:column", async () => {
    const dir = await newProject("bad-cell");
    const row = H100_ROW.replace(/^h100-sxm,[^,]*,([^,]*),([^,]*),([^,]*),[^,]*,/, "my-chip,My Chip,$1,$2,$3,lots,");
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${row}\n`);
    const result = await runCli(["validate"]);
    expect(result.code).toBe(1);
    // bf16_tflops is the sixth cell, after `my-chip,My Chip,NVIDIA,gpu,hopper,` (7 + 7 + 6 + 3 + 6 characters and 5
    // commas = 34).
    expect(row.indexOf(",lots,") + 2).toBe(35);
    expect(result.stderr).toContain(`${join(dir, "data/hardware.csv")}:2:35: bf16_tflops`);
    expect(result.stderr).toContain("found 'lots'");
  });

  it("add a chip of a family: a copy of h100-sxm as my-h100 (family hopper) costs what h100-sxm costs", async () => {
    const dir = await newProject("family");
    // The bundled h100-sxm row under a new id; its family cell, copied with it, is hopper.
    const row = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-h100,My H100,");
    expect(row.split(",")[4]).toBe("hopper");
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${row}\n`);
    const price = async (hardware: string) => {
      const args = ["inference", "--hardware", hardware, "--model", "llama-3.1-70b", "--batch", "64", "--json"];
      const result = await runCli(args);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as {efficienciesFrom: string; costPerMillionOutputTokensUsd: number};
    };
    const bundled = await price("h100-sxm");
    const own = await price("my-h100");
    // Before the family column my-h100 was of family "other": "pooled", 0.982 USD/Mtok against h100-sxm's 0.829
    // (README, "Your catalog rows", measured with this command); the same row now takes h100-sxm's calibration.
    expect(bundled.efficienciesFrom).toBe("hopper/trtllm");
    expect(own.efficienciesFrom).toBe("hopper/trtllm");
    expect(own.costPerMillionOutputTokensUsd).toBe(bundled.costPerMillionOutputTokensUsd);
    // The family is what does it: the same row with family other is priced with the pooled fit, and costs more.
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${row.replace(",hopper,", ",other,")}\n`);
    const other = await price("my-h100");
    expect(other.efficienciesFrom).toBe("pooled");
    expect(other.costPerMillionOutputTokensUsd).toBeGreaterThan(bundled.costPerMillionOutputTokensUsd * 1.1);
  });

  it("without the family column (older file): loaded; a bundled id keeps its family, a new one is other", async () => {
    const dir = await newProject("no-family");
    // The header and rows as they were before the family column: the fifth cell (family) taken out, and the 14th
    // (scale_up_topology, which came later).
    const withoutFamily = (line: string) =>
      line.replace(/^((?:[^,]*,){13})[^,]*,/, "$1").replace(/^((?:[^,]*,){4})[^,]*,/, "$1");
    const header = withoutFamily(HARDWARE_HEADER);
    expect(header).toMatch(/^id,name,vendor,kind,bf16_tflops,/);
    const h100 = withoutFamily(H100_ROW).replace(/^h100-sxm,[^,]*,/, "h100-sxm,My H100,");
    const mine = withoutFamily(H100_ROW).replace(/^h100-sxm,[^,]*,/, "my-h100,My H100 copy,");
    const file = join(dir, "data/hardware.csv");
    writeFileSync(file, `${header}\n${h100}\n${mine}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toBe(
      `token-ledger: note: ${file}:2:1: id 'h100-sxm' overrides the bundled row of data/hardware.csv\n` +
        `token-ledger: note: ${file}:1:1: no 'family' column, so its new chip (my-h100) takes family 'other' and is ` +
        "priced with the pooled calibration; to use a family's fitted efficiencies, add a 'family' column after " +
        "'kind' holding one of ampere, hopper, blackwell, cdna3, tpu, trainium, other on every row\n" +
        // Nor has it the scale_up_topology column: the new chip is wired as a switch, and told so.
        `token-ledger: note: ${file}:1:1: no 'scale_up_topology' column, so its new chip (my-h100) is wired as ` +
        "'switch' (a tensor-parallel group of any size gets the whole scale-up bandwidth); for a fully connected mesh, " +
        "where a group of t chips has t − 1 links (MI300X), add a 'scale_up_topology' column after 'scale_up_chips' " +
        "holding one of switch, full-mesh, torus, hybrid-cube-mesh on every row\n"
    );
    // The commands that price the chip say so too (inference said only "calibrated for pooled"; new-user trial).
    const inference = await runCli(["inference", "--hardware", "my-h100", "--model", "llama-3.1-70b", "--json"]);
    expect(inference.code, inference.stderr).toBe(0);
    expect(inference.stderr).toBe(validate.stderr);
    const trainingArgs = [
      "--hardware",
      "my-h100",
      "--model",
      "llama-3.1-8b",
      "--chips",
      "8",
      "--tokens",
      "1e12",
      "--mfu",
      "0.4"
    ];
    const training = await runCli(["training", ...trainingArgs]);
    expect(training.code, training.stderr).toBe(0);
    expect(training.stderr).toContain("no 'family' column");
    const catalog = JSON.parse((await runCli(["catalog", "hardware", "--json"])).stdout) as {
      id: string;
      family: string;
    }[];
    // h100-sxm's family is the bundled row's (hopper, data/hardware.csv); my-h100 has none to take.
    expect(catalog.filter((row) => row.id === "h100-sxm" || row.id === "my-h100").map((row) => row.family)).toEqual([
      "hopper",
      "other"
    ]);
  });

  it("without family but with scale_up_topology: loaded with the family note only (breaker: 'missing column')", async () => {
    const dir = await newProject("no-family-topology");
    // The fifth cell (family) taken out, scale_up_topology kept.
    const withoutFamily = (line: string) => line.replace(/^((?:[^,]*,){4})[^,]*,/, "$1");
    const header = withoutFamily(HARDWARE_HEADER);
    expect(header).toMatch(/^id,name,vendor,kind,bf16_tflops,.*,scale_up_chips,scale_up_topology,/);
    const mine = withoutFamily(H100_ROW).replace(/^h100-sxm,[^,]*,/, "my-h100,My H100 copy,");
    const file = join(dir, "data/hardware.csv");
    writeFileSync(file, `${header}\n${mine}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toBe(
      `token-ledger: note: ${file}:1:1: no 'family' column, so its new chip (my-h100) takes family 'other' and is ` +
        "priced with the pooled calibration; to use a family's fitted efficiencies, add a 'family' column after " +
        "'kind' holding one of ampere, hopper, blackwell, cdna3, tpu, trainium, other on every row\n"
    );
  });

  it("with a family cell that is not a family: an error at its file:line:column, naming the families", async () => {
    const dir = await newProject("bad-family");
    const row = H100_ROW.replace(/^h100-sxm,[^,]*,/, "my-chip,My Chip,").replace(",hopper,", ",Hopper,");
    const file = join(dir, "data/hardware.csv");
    writeFileSync(file, `${HARDWARE_HEADER}\n${row}\n`);
    const result = await runCli(["validate"]);
    expect(result.code).toBe(1);
    // family is the fifth cell, after `my-chip,My Chip,NVIDIA,gpu,` (7 + 7 + 6 + 3 characters and 4 commas = 27).
    expect(result.stderr).toContain(
      `${file}:2:28: family: unknown family: expected one of ampere, hopper, blackwell, cdna3, tpu, trainium, ` +
        "other, found 'Hopper'"
    );
  });

  it("with an id used twice in one file: an error at the second", async () => {
    const dir = await newProject("duplicate");
    const row = MODELS.find((line) => line.startsWith("llama-3.1-8b,"))!.replace(/^llama-3\.1-8b,/, "my-model,");
    writeFileSync(join(dir, "data/models.csv"), `${MODELS[0]}\n${row}\n${row}\n`);
    const result = await runCli(["validate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, "data/models.csv")}:3:1: id: duplicate id`);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });
});

describe("a project's models.csv with cells written as a model card writes them", () => {
  it("offers the plain number, as a hardware cell's 700W is offered 700 (70B and 128k had no hint; breaker)", async () => {
    const dir = await newProject("model-units");
    const row = MODELS.find((line) => line.startsWith("llama-3.1-8b,"))!.replace(/^llama-3\.1-8b,/, "my-model,");
    const cells = row.split(",");
    const header = MODELS[0]!.split(",");
    cells[header.indexOf("params_b")] = "70B";
    cells[header.indexOf("active_params_b")] = "70B";
    cells[header.indexOf("context_tokens")] = "128k";
    const file = join(dir, "data/models.csv");
    writeFileSync(file, `${MODELS[0]}\n${cells.join(",")}\n`);
    const result = await runCli(["validate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `${file}:2:\\d+: params_b: not a number: .*found '70B' \\(the cell takes a plain number in billions of ` +
          "parameters: write 70\\)"
      )
    );
    expect(result.stderr).toMatch(
      /context_tokens: not a number: .*\(the cell takes a plain number in tokens: write 128000\)/
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a project's models.csv with training tokens in billions", () => {
  it("notes a training_tokens_t of 15000, billions likely written in the trillions column (tester)", async () => {
    const dir = await newProject("model-tokens");
    const row = MODELS.find((line) => line.startsWith("llama-3.1-8b,"))!.replace(/^llama-3\.1-8b,/, "my-model,");
    const cells = row.split(",");
    const tokensColumn = MODELS[0]!.split(",").indexOf("training_tokens_t");
    cells[tokensColumn] = "15000";
    const file = join(dir, "data/models.csv");
    writeFileSync(file, `${MODELS[0]}\n${cells.join(",")}\n`);
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    const column = cells.slice(0, tokensColumn).join(",").length + 2;
    expect(validate.stderr).toBe(
      `token-ledger: note: ${file}:2:${column}: training_tokens_t 15000 is 15,000T tokens, where the most in ` +
        "data/models.csv, llama-4-maverick's, is 22T: write 15 if 15000B was meant\n"
    );
  });
});

describe("a project's models.csv with a context window written in thousands", () => {
  it("notes a context_tokens of 1, and a request past it names the project's cell, '1 token' (tester)", async () => {
    const dir = await newProject("model-context");
    const row = MODELS.find((line) => line.startsWith("llama-3.1-8b,"))!.replace(/^llama-3\.1-8b,/, "my-model,");
    const cells = row.split(",");
    const contextColumn = MODELS[0]!.split(",").indexOf("context_tokens");
    cells[contextColumn] = "1";
    const file = join(dir, "data/models.csv");
    writeFileSync(file, `${MODELS[0]}\n${cells.join(",")}\n`);
    const place = `${file}:2:${cells.slice(0, contextColumn).join(",").length + 2}`;
    const note =
      `token-ledger: note: ${place}: context_tokens 1 is 1 token, under a quarter of any bundled model's window ` +
      "(the least bundled, gpt-3-175b's, is 2,048 tokens): write 1000 if 1k was meant\n";
    const validate = await runCli(["validate"]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toBe(note);
    // It named the bundled data/models.csv and said "at most 1 tokens".
    const result = await runCli(["inference", "--model", "my-model", "--hardware", "h100-sxm"]);
    expect(result).toMatchObject({code: 1, stdout: ""});
    expect(result.stderr).toBe(
      "token-ledger: --input-tokens: a request of 4,096 input and 512 output tokens exceeds my-model's context " +
        `window: expected input + output at most 1 token (context_tokens at ${place}), found 4,608 ` +
        `(--input-tokens was not given: its default is 4,096)\n${note}`
    );
  });
});

describe("errors in bundled files caused by a project's override", () => {
  it("name the overriding rows after the errors (they pointed into the package, the override unnamed; breaker)", async () => {
    const dir = await newProject("small-hbm");
    // The project's h100-sxm with 8 GB of HBM: base's Llama 3.1 405B on 8 of them no longer fits.
    const row = H100_ROW.replace(",80,3.35,79.11,", ",8,3.35,7.911,");
    writeFileSync(join(dir, "data/hardware.csv"), `${HARDWARE_HEADER}\n${row}\n`);
    const result = await runCli(["run", "base", "--samples", "10"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("base.md:");
    expect(result.stderr).toContain(
      "token-ledger: note: the errors above are in token-ledger's bundled files, evaluated with this project's catalog " +
        `rows; this row overrides a bundled one:\ntoken-ledger: note: ${join(dir, "data/hardware.csv")}:2:1: id 'h100-sxm' ` +
        "overrides the bundled row of"
    );
  });
});

describe("--out onto a project's own inputs", () => {
  it("refuses its package.json and its catalogs, and leaves them as they were (breaker: a sweep replaced them)", async () => {
    const dir = await newProject("outputs");
    for (const name of ["package.json", "data/hardware.csv"]) {
      const path = join(dir, name);
      const before = readFileSync(path, "utf8");
      const args = ["sweep", "base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMillionTokensUsd"];
      const result = await runCli([...args, "--out", path]);
      expect(result).toMatchObject({code: 1, stdout: ""});
      expect(result.stderr).toContain(`--out: a file the commands read as input`);
      expect(readFileSync(path, "utf8")).toBe(before);
    }
  });

  it("refuses a link to one of its scenarios, and leaves it as it was (breaker: a sweep wrote over base.md)", async () => {
    const dir = await newProject("outputs-scenario");
    const scenario = join(dir, "data/scenarios/my-scenario.md");
    const before = readFileSync(scenario, "utf8");
    const link = join(dir, "mine.csv");
    symlinkSync(scenario, link);
    const args = ["sweep", "base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMillionTokensUsd"];
    const result = await runCli([...args, "--out", link]);
    expect(result).toMatchObject({code: 1, stdout: ""});
    expect(result.stderr).toContain(`--out: a file the commands read as input`);
    expect(readFileSync(scenario, "utf8")).toBe(before);
  });

  it("refuses a new file in its dist/ through a link to the folder, naming where it leads (breaker: written, rc 0)", async () => {
    const dir = await newProject("outputs-dist-link");
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "dist/index.html"), "<!doctype html>\n");
    const link = join(tmp, "project-dist-link");
    symlinkSync(join(dir, "dist"), link);
    const args = ["sweep", "base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMillionTokensUsd"];
    const result = await runCli([...args, "--out", join(link, "y.csv")]);
    expect(result).toMatchObject({code: 1, stdout: ""});
    expect(result.stderr).toBe(
      `token-ledger: --out: a file in the built site ${join(dir, "dist")} (build writes it; the link leads to ` +
        `${join(dir, "dist/y.csv")}): expected the path of an output file outside the built site, found ${join(link, "y.csv")}\n`
    );
    expect(readdirSync(join(dir, "dist"))).toEqual(["index.html"]);
  });
});

describe("a project whose package.json does not parse", () => {
  it("is an error at the file, line and column (it was no project: the bundled scenarios were checked instead)", () => {
    const dir = join(tmp, "broken-manifest");
    mkdirSync(join(dir, "data", "scenarios"), {recursive: true});
    // A comma lost after "private": true, as a hand edit does; V8 reports the offset of the next key (line 3, col 3).
    writeFileSync(join(dir, "package.json"), '{\n  "private": true\n  "dependencies": {"token-ledger": "^0.1.0"}\n}\n');
    expect(() => findProject(dir, {})).toThrow(
      `${join(dir, "package.json")}:3:3: the project's package.json does not parse, so its scenarios and catalogs ` +
        "cannot be found: expected JSON, found"
    );
    // A byte-order mark is read past, as npm reads it (it was refused as "Unexpected token").
    writeFileSync(join(dir, "package.json"), '\uFEFF{"private": true, "dependencies": {"token-ledger": "^0.1.0"}}\n');
    expect(findProject(dir, {})?.root).toBe(dir);
    // One that does not name token-ledger is not ours: the search goes on above it (to none here).
    writeFileSync(join(dir, "package.json"), '{"private": true "name": "other"}\n');
    expect(findProject(dir, {})).toBeUndefined();
  });
});

describe("the project's npm test", () => {
  it("fails with each error's line and no stack block (node:test printed the assertion's stack)", async () => {
    const dir = await newProject("test-output");
    const file = join(dir, "data/scenarios/my-scenario.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^extends: base$/m, "extends: base\nservng: {}"));
    // The errors the project's test reads, from the library; a stub token-ledger/node hands them to the test file as
    // the installed package would (the project has no node_modules here).
    const messages = checkScenarioFiles().errors.map((error) => error.message);
    expect(messages.join("\n")).toContain("servng");
    const stub = join(dir, "node_modules/token-ledger");
    mkdirSync(stub, {recursive: true});
    writeFileSync(
      join(stub, "package.json"),
      JSON.stringify({name: "token-ledger", type: "module", exports: {"./node": "./node.js"}})
    );
    const stubWith = (errors: string[], pageErrors: string[] = []) =>
      writeFileSync(
        join(stub, "node.js"),
        `export const checkScenarioFiles = () => (${JSON.stringify({
          files: ["x"],
          errors: errors.map((message) => ({message})),
          library: {index: {ids: ["my-scenario"]}}
        })});\n` +
          `export const pageScenarioIdErrors = () => (${JSON.stringify(pageErrors.map((message) => ({message})))});\n`
      );
    stubWith(messages);
    const failed = spawnSync(process.execPath, ["--test", "test/scenarios.test.js"], {cwd: dir, encoding: "utf8"});
    expect(failed.status).toBe(1);
    for (const message of messages) expect(failed.stdout).toContain(message);
    expect(failed.stdout).not.toMatch(/stack:|TestContext|node:internal/);
    // A page reading a scenario no file gives (pageScenarioIds.ts) fails the project's test too, with its line.
    const page = "docs/report.md:20:68: the page reads a scenario no scenario file gives: … found old-name (…)";
    stubWith([], [page]);
    const pageFailed = spawnSync(process.execPath, ["--test", "test/scenarios.test.js"], {cwd: dir, encoding: "utf8"});
    expect(pageFailed.status).toBe(1);
    expect(pageFailed.stdout).toContain(page);
    stubWith([]);
    const passed = spawnSync(process.execPath, ["--test", "test/scenarios.test.js"], {cwd: dir, encoding: "utf8"});
    expect(passed.status, passed.stdout).toBe(0);
  });
});

describe("a folder with data/scenarios/ that is no project", () => {
  /** Runs the command line in `dir` (made, with data/scenarios/ holding `files`), back in this folder after. */
  async function runIn(dir: string, files: Record<string, string>, args: string[]) {
    mkdirSync(join(dir, "data", "scenarios"), {recursive: true});
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "data", "scenarios", name), text);
    return runAt(dir, args);
  }
  /** Runs the command line in `dir`, as it is, back in this folder after. */
  async function runAt(dir: string, args: string[]) {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return await runCli(args);
    } finally {
      process.chdir(cwd);
    }
  }
  const note =
    "token-ledger: note: checked the files of data/scenarios as named files: no package.json at or above this folder " +
    "lists token-ledger, so it is no report project: its data/*.csv catalogs are not read, and run finds these " +
    "scenarios by path, not by id (token-ledger new DIR starts a project)\n";

  it("validate checks the folder's files, failing on their errors (it checked the bundled ones, exit 0)", async () => {
    // An unknown key: the same file named on the command line gives the same error (derived, not written twice).
    const files = {"mine.md": "---\nextends: base\nservng: {}\n---\n"};
    const named = await runIn(join(tmp, "no-project-named"), files, ["validate", "data/scenarios/mine.md"]);
    expect(named).toMatchObject({code: 1, stderr: expect.stringContaining("servng")});
    const result = await runIn(join(tmp, "no-project"), files, ["validate"]);
    expect(result).toMatchObject({code: 1, stdout: "", stderr: note + named.stderr});
  });

  it("validate, from a folder with no data/scenarios/, says it checked token-ledger's own (a misspelt folder; breaker)", async () => {
    const dir = join(tmp, "misspelt");
    mkdirSync(join(dir, "data", "scenario"), {recursive: true});
    writeFileSync(join(dir, "data", "scenario", "bad.md"), "---\ntitle: A\nserving:\n  batch: 0\n---\n");
    const result = await runAt(dir, ["validate"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^\d+ scenario files valid: token-ledger's own, in .*data[/\\]scenarios, as this folder \(.*misspelt\) is no report project and has no data\/scenarios\//
    );
    // In token-ledger's own folder, no such words.
    expect((await runCli(["validate"])).stdout).toMatch(/^\d+ scenario files valid\n$/);
  });

  it("validate passes the folder's valid files, naming how many", async () => {
    const files = {"mine.md": "---\nextends: base\n---\n", "yours.md": "---\nextends: mine\n---\n"};
    const result = await runIn(join(tmp, "no-project-valid"), files, ["validate"]);
    expect(result).toMatchObject({code: 0, stdout: `${Object.keys(files).length} scenario files valid\n`});
    expect(result.stderr).toBe(note);
  });

  it("run by a file's id there says the file exists and what to do (it said only 'unknown scenario')", async () => {
    const result = await runIn(join(tmp, "no-project-run"), {"mine.md": "---\nextends: base\n---\n"}, ["run", "mine"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^token-ledger: SCENARIO: unknown scenario 'mine': expected .*, found mine \(/);
    // One pair of parentheses: the hint's (it nested a second pair inside; breaker).
    expect(result.stderr).toContain(
      "found mine (data/scenarios/mine.md exists, but no package.json at or above this folder lists token-ledger, " +
        "so it is no report project and its data/scenarios/ is not read by id: name the file, " +
        "data/scenarios/mine.md, or start a project with token-ledger new DIR)\n"
    );
    // What the hint says to do works.
    const byPath = await runIn(join(tmp, "no-project-run"), {}, ["run", "data/scenarios/mine.md", "--samples", "10"]);
    expect(byPath.code, byPath.stderr).toBe(0);
  });

  it("run by a name that is a folder there gives no hint to name it as a file (it said 'name the file')", async () => {
    const dir = join(tmp, "no-project-folder-md");
    mkdirSync(join(dir, "data", "scenarios", "sub.md"), {recursive: true});
    const result = await runAt(dir, ["run", "sub"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown scenario 'sub': expected [^(]*, found sub\n$/);
  });

  it("run by a bundled id that a file there has too runs the bundled one and says so (it said nothing)", async () => {
    const tail =
      "but no package.json at or above this folder lists token-ledger, so it is no report project and its " +
      "data/scenarios/ is not read by id: name the file, data/scenarios/base.md, or start a project with " +
      "token-ledger new DIR\n";
    const byName = await runIn(join(tmp, "no-project-base"), {"base.md": "---\nextends: base\n---\n"}, ["run", "base"]);
    expect(byName).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`(base, ${join(REPO_ROOT, "data/scenarios/base.md")})`)
    });
    expect(byName.stderr).toBe(
      `token-ledger: note: base is the bundled scenario: data/scenarios/base.md exists, ${tail}`
    );
    // A file of another name whose front matter gives the id.
    const byId = await runIn(
      join(tmp, "no-project-base-id"),
      {"mine.md": "---\nid: base\nextends: deepseek-one-day\n---\n"},
      ["run", "base"]
    );
    expect(byId).toMatchObject({code: 0});
    expect(byId.stderr).toBe(
      "token-ledger: note: base is the bundled scenario: data/scenarios/mine.md has id base, " +
        tail.replace("base.md", "mine.md")
    );
  });

  const unreadable =
    "cannot read the folder: expected a folder this user can read, of scenario files ending in .md or .markdown, found";
  it.each([
    ["a file", "not a folder: expected a folder of scenario files ending in .md or .markdown, found a file"],
    ["a link to itself", `${unreadable} ELOOP (a loop of symbolic links)`],
    ["a link to nothing", `${unreadable} ENOENT (a link to nothing)`]
  ])(
    "validate where data/scenarios is %s: one line naming it (it checked the bundled ones, exit 0)",
    async (kind, line) => {
      const dir = join(tmp, `no-project-${kind.replaceAll(" ", "-")}`);
      mkdirSync(join(dir, "data"), {recursive: true});
      const scenarios = join(dir, "data", "scenarios");
      if (kind === "a file") writeFileSync(scenarios, "not a folder\n");
      else symlinkSync(kind === "a link to itself" ? "scenarios" : "nowhere", scenarios);
      expect(await runAt(dir, ["validate"])).toEqual({
        code: 1,
        stdout: "",
        stderr: `token-ledger: data/scenarios: ${line}\n`
      });
    }
  );
});

describe("a data/scenarios/ folder this user cannot read", () => {
  const bin = join(REPO_ROOT, "bin/token-ledger.js");
  /** Runs the command line from source as user nobody in `cwd` (root reads any folder, whatever its mode). */
  const asNobody = (cwd: string, args: string[]) => {
    const env: NodeJS.ProcessEnv = {...process.env, TOKEN_LEDGER_TSX: "1", HOME: tmpdir()};
    delete env.TOKEN_LEDGER_PROJECT;
    return spawnSync("runuser", ["-u", "nobody", "--", process.execPath, bin, ...args], {cwd, env, encoding: "utf8"});
  };

  it.skipIf(process.getuid?.() !== 0)(
    "validate and run give one line naming it, in a project and out of one (a stack trace from readdirSync)",
    (context) => {
      const root = mkdtempSync(join(tmpdir(), "token-ledger-unreadable-"));
      try {
        chmodSync(root, 0o755);
        const project = join(root, "project");
        mkdirSync(join(project, "data/scenarios"), {recursive: true});
        writeFileSync(join(project, "package.json"), JSON.stringify({dependencies: {"token-ledger": "^0.1.0"}}));
        writeFileSync(join(project, "data/scenarios/my-scenario.md"), "---\nextends: base\n---\n");
        const plain = join(root, "plain");
        mkdirSync(join(plain, "data/scenarios"), {recursive: true});
        for (const dir of [project, plain]) chmodSync(join(dir, "data/scenarios"), 0o000);
        // Skipped where chmod does not stop nobody, or where nobody cannot run the command line at all (a checkout
        // under a folder only root may enter, no runuser): the test is of the message, not of the machine.
        if (spawnSync("runuser", ["-u", "nobody", "--", "ls", join(plain, "data/scenarios")]).status === 0) {
          context.skip();
        }
        if (asNobody(root, ["--help"]).status !== 0) context.skip();
        const line =
          "token-ledger: data/scenarios: cannot read the folder: expected a folder this user can read, of scenario files " +
          "ending in .md or .markdown, found EACCES (permission denied)\n";
        for (const [cwd, args] of [
          [plain, ["validate"]],
          [project, ["validate"]],
          [project, ["run", "my-scenario", "--samples", "10"]]
        ] as const) {
          expect(asNobody(cwd, [...args]), args.join(" ")).toMatchObject({status: 1, stdout: "", stderr: line});
        }
      } finally {
        chmodSync(join(root, "project/data/scenarios"), 0o755);
        chmodSync(join(root, "plain/data/scenarios"), 0o755);
        rmSync(root, {recursive: true, force: true});
      }
    },
    60_000
  );
});

// Upper.MD and long.markdown in data/scenarios/ were passed over ("1 scenario file valid" beside them; `run Upper`:
// unknown scenario), though `validate data/scenarios/Upper.MD` read the same file as Markdown.
describe("a project's scenario files ending in .MD or .markdown", () => {
  const upper = "---\ntitle: Upper\nextends: base\nserving:\n  batch: 64\nsources:\n  serving.batch: x\n---\nhi\n";

  it("are read by id (the name without its extension), and a file may extend one", async () => {
    const dir = await newProject("markdown-names");
    const scenarios = join(dir, "data/scenarios");
    writeFileSync(join(scenarios, "Upper.MD"), upper);
    writeFileSync(join(scenarios, "long.markdown"), "---\ntitle: Long\nextends: Upper\n---\nLong's own.\n");
    expect(await runCli(["validate"])).toMatchObject({code: 0, stdout: "3 scenario files valid\n", stderr: ""});
    const run = await runCli(["run", "long", "--samples", "10"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `Long (long, ${join(scenarios, "long.markdown")})`,
      "extends: Upper → base"
    ]);
  });

  it("two files of one id (a.md and a.MD) are each an error naming the other, in validate and run", async () => {
    const dir = await newProject("markdown-twins");
    const scenarios = join(dir, "data/scenarios");
    writeFileSync(join(scenarios, "Upper.MD"), upper);
    writeFileSync(join(scenarios, "Upper.md"), upper);
    const errors = [
      `token-ledger: ${join(scenarios, "Upper.MD")}:1:1: id: duplicate scenario id: expected one file per id, ` +
        `found Upper (also the id of ${join(scenarios, "Upper.md")}:1:1)`,
      `token-ledger: ${join(scenarios, "Upper.md")}:1:1: id: duplicate scenario id: expected one file per id, ` +
        `found Upper (also the id of ${join(scenarios, "Upper.MD")}:1:1)`
    ];
    expect(await runCli(["validate"])).toMatchObject({code: 1, stdout: "", stderr: errors.join("\n") + "\n"});
    expect(await runCli(["run", "Upper", "--samples", "10"])).toMatchObject({
      code: 1,
      stdout: "",
      stderr: errors.join("\n") + "\n"
    });
  });
});

describe("validate in a project without scenarios", () => {
  it("says the folder it looked in has none (0 files valid read as all checked)", async () => {
    const dir = await newProject("emptied");
    const scenarios = join(dir, "data/scenarios");
    for (const name of readdirSync(scenarios)) rmSync(join(scenarios, name));
    expect(await runCli(["validate"])).toMatchObject({
      code: 0,
      stdout: `0 scenario files valid (${scenarios} has no scenario file)\n`
    });
  });
});

describe("TOKEN_LEDGER_PROJECT that names no project", () => {
  it.each([
    ["a missing folder", "missing", "no such folder"],
    ["a file", "a-file", "not a folder"],
    ["a folder without data/scenarios/", "no-scenarios", "not a report project"]
  ])("%s: one line naming it, exit 1 (it was taken as an empty project: 0 files valid)", async (_, name, message) => {
    const value = join(tmp, name);
    if (name === "a-file") writeFileSync(value, "not a folder\n");
    if (name === "no-scenarios") mkdirSync(join(value, "data"), {recursive: true});
    vi.stubEnv("TOKEN_LEDGER_PROJECT", value);
    const line =
      `token-ledger: TOKEN_LEDGER_PROJECT: ${message}: expected a report project folder (with data/scenarios/), ` +
      `found ${value}\n`;
    for (const args of [["validate"], ["run", "base", "--samples", "10"]]) {
      expect(await runCli(args)).toMatchObject({code: 1, stdout: "", stderr: line});
    }
  });
});
