import {orList} from "../../units/wordList.js";

/**
 * The extensions of a Markdown scenario file, in any case (`notes.MD`): the one list the pattern and the messages are
 * made of. Here, not in src/node/paths.ts, so that browser code (the scenario reference, an id's hint) names it too.
 */
export const MARKDOWN_EXTENSIONS = [".md", ".markdown"] as const;

/** A Markdown file's extension (MARKDOWN_EXTENSIONS): /\.(md|markdown)$/i. */
export const MARKDOWN_EXTENSION = new RegExp(`\\.(${MARKDOWN_EXTENSIONS.map((ext) => ext.slice(1)).join("|")})$`, "i");

/** The extensions in words, for a message: ".md or .markdown". */
export const MARKDOWN_EXTENSION_WORDS = orList(MARKDOWN_EXTENSIONS);
