// Probes of a local server for the tests that start one (serve, preview): a free port, whether it answers, waiting.
import {createServer} from "node:net";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => done(port));
    });
  });
}

/** Whether something answers at `url`. */
export async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `check` holds, up to `ms`, checking every 250 ms; whether it did. */
export async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
