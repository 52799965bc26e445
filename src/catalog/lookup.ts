import {catalogIdSpelling, didYouMeanHint} from "../errors/suggest.js";
import {quoteFound, quotesFound, UserError} from "../errors/userError.js";

/**
 * The row whose id is `id`. Throws a UserError "unknown hardware id 'h10'" whose hint lists the three closest ids
 * (errors/suggest.ts), compared as catalogIdSpelling spells it (look-alike dashes and spaces as ASCII, NFKC,
 * lowercase, spaces and underscores as hyphens: `ｈ１００` was offered 'b200' first), and an id holding one is shown
 * escaped (`unknown model id "llama\u20113.1\u201170b"`: it printed as the id it offered); `flag` names the
 * command-line flag that carried the id, if any.
 */
export function findById<T extends {id: string}>(
  rows: readonly T[],
  id: string,
  what: "hardware" | "model",
  flag?: string
): T {
  const row = rows.find((r) => r.id === id);
  if (row) return row;
  const ids = rows.map((r) => r.id);
  const hint = didYouMeanHint(catalogIdSpelling(id), ids);
  throw new UserError({
    message: `unknown ${what} id ${quotesFound(id) ? quoteFound(id) : `'${id}'`}`,
    ...(flag ? {flag} : {}),
    expected: `one of the ${ids.length} ${what} ids in the catalog`,
    ...(hint ? {hint} : {})
  });
}
