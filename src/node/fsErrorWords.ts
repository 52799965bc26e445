/**
 * A node:fs error code as a message's found part says it: `ELOOP (a loop of symbolic links)`, the code alone for one
 * without words here. What `cannot read the file` or `cannot read the folder` add so that the reason is said.
 */
export function fsErrorWords(code: string): string {
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ELOOP: "a loop of symbolic links",
    ENOENT: "a link to nothing"
  };
  return words[code] ? `${code} (${words[code]})` : code;
}
