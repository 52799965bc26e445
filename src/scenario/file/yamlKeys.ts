import {isMap, isPair, isScalar, visit, type Alias, type Document, type Node} from "yaml";

/** A key written a second time in the same YAML map, and the first occurrence of it. */
export interface DuplicateKey {
  /** The key as text (`serving`, `"1"`). */
  key: string;
  /** The key's path from the document's root, its maps' keys joined with "." (`serving.utilization`). */
  path: string;
  /** The second (or later) key node. */
  node: Node;
  /** The first key node with the same text. */
  first: Node;
}

/**
 * Every key that appears twice in one map of `doc`, in document order, found in linear time with one Set per map.
 * It replaces the yaml package's own duplicate-key check (`uniqueKeys`), which compares every pair of keys of a map:
 * 40,000 keys took 36 s to parse with it. Only scalar keys are compared (by their value as text); a parse with
 * `uniqueKeys: false` and this check together reject what `uniqueKeys: true` would.
 */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      if (!isMap(map)) return;
      const prefix = keyPath(ancestors);
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const text = String(key.value);
        const first = seen.get(text);
        if (first === undefined) seen.set(text, key);
        else found.push({key: text, path: prefix ? `${prefix}.${text}` : text, node: key, first});
      }
    }
  });
  return found;
}

/** An alias (`*a`) with no anchor (`&a`) before it, which the yaml package reads as nothing, without an error. */
export interface UnanchoredAlias {
  /** The alias node. */
  node: Alias;
  /** The key path it is the value of (`power.pue`), as DuplicateKey's; "" at the root. */
  path: string;
  /** A node that has the anchor after the alias (YAML reads anchors in order), if one does. */
  later: Node | undefined;
}

/** Every alias of `doc` that names no anchor before it, in document order. */
export function unanchoredAliases(doc: Document): UnanchoredAlias[] {
  const found: UnanchoredAlias[] = [];
  const anchored: Node[] = [];
  const anchorOf = (node: Node) => (node as {anchor?: string}).anchor;
  visit(doc, {
    Node(_, node) {
      if (anchorOf(node)) anchored.push(node);
    },
    Alias(_, alias, ancestors) {
      if (alias.resolve(doc) === undefined) found.push({node: alias, path: keyPath(ancestors), later: undefined});
    }
  });
  // The anchors are all known once the walk is done: an anchor after the alias is found then.
  return found.map((alias) => ({...alias, later: anchored.find((node) => anchorOf(node) === alias.node.source)}));
}

/** The key path of a node from its ancestors, its maps' keys joined with "." (a key that is no scalar is "?"). */
function keyPath(ancestors: readonly unknown[]): string {
  return ancestors
    .filter(isPair)
    .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : "?"))
    .join(".");
}
