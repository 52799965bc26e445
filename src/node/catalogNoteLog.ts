/**
 * The catalog notes (`token-ledger: note:` lines on a project's catalog rows) a command has written, so that those
 * printed after its errors are each printed once (noteCatalogAfterErrors, main.ts). Kept apart from catalogFiles.ts,
 * which loads the catalog parsers, so that the command line can start each command afresh without loading them.
 */
const written = new Set<string>();

/** Writes `note` as one `token-ledger: note:` line to stderr, and remembers it. */
export function writeCatalogNote(note: string): void {
  written.add(note);
  process.stderr.write(`token-ledger: note: ${note}\n`);
}

/** Whether this command has written `note` (writeCatalogNote). */
export function catalogNoteWritten(note: string): boolean {
  return written.has(note);
}

/** Forgets the notes written: the next command run in the same process (tests call `run` in turn) notes afresh. */
export function forgetCatalogNotes(): void {
  written.clear();
}
