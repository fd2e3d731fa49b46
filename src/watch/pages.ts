/**
 * What `folio watch` adds to the pages it serves: a small live-reload client (it listens to the
 * server's event stream and reloads the page after each rebuild) with links to the PDFs, and the
 * page shown instead of the edition when a rebuild fails, so the error is read where the editor
 * is looking. Pure functions: HTML in, HTML out.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { messagesFor } from '../messages/catalogue.ts';

/** Path of the server's event stream. */
export const eventsPath = '/events';

/** A link the toolbar offers. */
export interface ToolbarLink {
  href: string;
  label: string;
  /** Shown on hover. */
  title?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The live-reload client: reloads on each `reload` event and says when the server is gone.
 * Kept on screen only (`@media print` hides it) so printing from the browser stays clean.
 */
function client(links: readonly ToolbarLink[], language: string): string {
  const messages = messagesFor(language);
  const items = links
    .map((l) => `<a href="${escapeHtml(l.href)}"${l.title ? ` title="${escapeHtml(l.title)}"` : ''} target="_blank" rel="noopener">${escapeHtml(l.label)}</a>`)
    .join(' · ');
  return `
<div id="folio-watch" style="position:fixed;right:8px;bottom:8px;z-index:2147483647;font:12px/1.4 system-ui,sans-serif;background:#1f3a68;color:#fff;padding:4px 10px;border-radius:4px;opacity:.9">
<span id="folio-watch-state">folio watch</span>${items ? ` · ${items.replace(/<a /g, '<a style="color:#fff" ')}` : ''}
</div>
<style>@media print { #folio-watch { display: none !important; } }</style>
<script>
(() => {
  const state = document.getElementById('folio-watch-state');
  const events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('building', () => { state.textContent = ${JSON.stringify(messages.watch.rebuilding)}; });
  events.onopen = () => { state.textContent = 'folio watch'; };
  events.onerror = () => { state.textContent = ${JSON.stringify(messages.watch.stopped)}; };
})();
</script>
`;
}

/**
 * Adds the live-reload client to a page, just before `</body>` (at the end when there is none).
 * @param html the page
 * @param links links for the toolbar (the PDFs)
 */
export function withLiveReload(html: string, links: readonly ToolbarLink[] = []): string {
  const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  const script = client(links, /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? 'fr');
  return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
}

/**
 * The page shown while the edition does not build.
 * @param message what failed, in one sentence
 * @param diagnostics the errors (and warnings) behind it, listed as `file:line:column`
 * @param language the edition's language, for the page's own words (the diagnostics themselves
 *   are Folio's English messages, marked as such)
 */
export function errorPage(message: string, diagnostics: readonly Diagnostic[] = [], language = 'fr'): string {
  const messages = messagesFor(language);
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const list = shown.length
    ? `<ol lang="en">${shown.map((d) => `<li class="${d.severity}"><code>${escapeHtml(formatDiagnostic(d))}</code></li>`).join('')}</ol>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(messages.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(messages.watch.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1b1b1b; }
h1 { color: #a01010; font-size: 1.4em; }
ol { padding-left: 1.2em; }
li { margin: 0.4em 0; }
li.error code { color: #a01010; }
code { white-space: pre-wrap; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHtml(messages.watch.heading)}</h1>
<p lang="en">${escapeHtml(message)}</p>
${list}
<p>${escapeHtml(messages.watch.fix)}</p>
</body>
</html>
`;
}
