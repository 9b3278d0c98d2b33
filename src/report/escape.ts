/**
 * Everything in a report that comes from the image or the pull request (user
 * names, paths, env values, labels) is untrusted. In markdown it is rendered
 * as inert text: every character that markdown, HTML or GitHub give meaning
 * to becomes a numeric entity, so nothing can open a link, an HTML tag, a
 * table cell or a comment (and so forge a hidden marker).
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&"'@~:=$%^\r\n\t]/g;

function entities(value: string): string {
  return value.replace(SPECIAL, (char) =>
    char === '\n' || char === '\r' || char === '\t' ? ' ' : `&#${char.charCodeAt(0)};`,
  );
}

/**
 * GitHub finds @mentions, #references and bare links in the rendered HTML's
 * text, after entities are decoded, so entities alone do not stop them. A
 * word joiner (U+2060, invisible) after `@` and `#` and inside `://` and
 * `www.` breaks each pattern without changing what a reader sees.
 */
const JOINER = '\u2060';
function unlinkable(value: string): string {
  return value
    .replace(/[@#]/g, (char) => char + JOINER)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`);
}

/**
 * Characters that change how the text around them reads while showing
 * nothing: bidirectional controls (U+202E turns `exe.txt` around), the line
 * and paragraph separators, and every other format character (\p{Cf}: zero
 * widths, joiners, U+FEFF). An entity would not help: the browser decodes it
 * back. They are shown as `<U+202E>`, then escaped with the rest.
 */
export const INVISIBLE_CHARACTERS = '\\u2028\\u2029\\p{Cf}';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'gu');
export function showInvisible(value: string): string {
  return value.replace(
    INVISIBLE,
    (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

export function markdownText(value: string): string {
  return entities(unlinkable(showInvisible(value)));
}

/**
 * Inline code for untrusted text: HTML `<code>` so backticks inside cannot end
 * it. GitHub makes no mentions or links inside code, so the text stays exact
 * for copying.
 */
export function markdownCode(value: string): string {
  return `<code>${entities(showInvisible(value))}</code>`;
}

/**
 * Our own sentences, which quote untrusted values in backticks (`USER 1654`):
 * escaped like any text, then each backtick pair becomes `<code>` so the
 * quoted commands read as code. The pairing cannot open anything: all that is
 * inside was escaped first. An odd number of backticks means a quoted value
 * holds one, and pairs would mismatch: then the sentence stays plain text.
 */
export function markdownProse(value: string): string {
  const escaped = markdownText(value);
  if ((value.match(/`/g)?.length ?? 0) % 2 === 1) return escaped;
  return escaped.replace(/&#96;(.+?)&#96;/g, '<code>$1</code>');
}
