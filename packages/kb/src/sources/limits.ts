/** Documents larger than this are skipped (counted, reported); a chunked 5 MB text is ~1,300 chunks already. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** File extensions read as documents by the markdown and git sources, and their formats. */
export const DOC_EXTENSIONS = {
  ".md": "markdown",
  ".mdx": "markdown",
  ".markdown": "markdown",
  ".adoc": "asciidoc",
  ".asciidoc": "asciidoc",
  ".rst": "rst",
} as const;
