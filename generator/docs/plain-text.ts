/**
 * Inline Markdown as the plain text a reader would see: code spans, emphasis
 * and links reduced to their text. For places that show text as it is (the
 * Redoc server panel, the landing page's summaries), where backticks and
 * brackets would otherwise show raw.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
