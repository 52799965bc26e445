import {statSync} from "node:fs";

/**
 * What a file that is there but is neither a regular file nor a folder is, in words ("a named pipe", "a character
 * device"), following links; undefined for a regular file, a folder, or nothing there. Reading such a file waits for a
 * writer for ever or never ends (/dev/zero), and renaming over it replaces it: readers and writers refuse it.
 */
export function specialFileKind(path: string): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (stat.isFile() || stat.isDirectory()) return undefined;
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}
