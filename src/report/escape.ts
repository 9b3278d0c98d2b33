/**
 * Everything in a report that comes from the image or the pull request (user
 * names, paths, env values, labels) is untrusted. In markdown it is rendered
 * as inert text: every character that markdown, HTML or GitHub give meaning
 * to becomes a numeric entity, so nothing can open a link, an HTML tag, a
 * mention, a table cell or a comment (and so forge a hidden marker).
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&"'@~:=$%^\r\n\t]/g;

export function markdownText(value: string): string {
  return value.replace(SPECIAL, (char) =>
    char === '\n' || char === '\r' || char === '\t' ? ' ' : `&#${char.charCodeAt(0)};`,
  );
}

/** Inline code for untrusted text: HTML `<code>` so backticks inside cannot end it. */
export function markdownCode(value: string): string {
  return `<code>${markdownText(value)}</code>`;
}
