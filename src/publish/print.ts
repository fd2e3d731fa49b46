/**
 * Another page format for the same HTML: the booklet and the handouts print through
 * `render/paginate.ts` like the compendium, their format coming from one more stylesheet (`@page`).
 *
 * Not for: driving the browser (`render/browser.ts`) or deciding the layout (the stylesheets).
 */
/**
 * Adds a stylesheet after the document's own, so its rules win at equal specificity (a booklet's
 * `@page` size over the compendium's).
 * @throws Error when the HTML has no `</head>` to put it in
 */
export function appendStylesheet(html: string, css: string): string {
  const end = html.search(/<\/head\s*>/i);
  if (end < 0) throw new Error('The HTML has no </head>: the template must have a <head> for the booklet stylesheet.');
  return `${html.slice(0, end)}<style>\n${css}\n</style>\n${html.slice(end)}`;
}
