// Building hover Markdown safely: document text is always escaped, so a link or HTML written in a strategy
// document is shown as text and never becomes a live `command:` link in a trusted hover.
import { RELATION_WORDS } from '../annotate/annotations';
import { ID_SOURCE } from '../annotate/ids';

// Every ASCII punctuation character CommonMark lets a backslash escape that can start or end markup.
const MARKDOWN_SPECIAL = /[\\`*_{}\[\]()<>#+\-.!|~&]/g;

/** Text as it should appear literally in rendered Markdown; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/** Inline code that holds any text, with a fence longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() !== flat ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Shortens text to `max` characters (code points, so Chinese is not cut mid-character), adding an ellipsis. */
export function shorten(text: string, max: number): string {
  // Collapsing whitespace only shortens text, so a long statement is cut before the work is done on it.
  const head = text.length > max * 2 + 16 ? text.slice(0, max * 2 + 16) : text;
  const flat = head.replace(/\s+/g, ' ').trim();
  let count = 0;
  let cut = -1;
  for (let i = 0; i < flat.length; i++) {
    const code = flat.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a surrogate pair
    if (count === max - 1) cut = i;
    if (++count > max) return `${flat.slice(0, cut)}…`;
  }
  return head === text ? flat : `${flat.slice(0, Math.max(cut, 0))}…`;
}

/** A `command:` link whose label is escaped; the arguments travel URL-encoded as JSON. */
export function commandLink(label: string, command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args));
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}

/** Percent with no decimals: 0.734 → "73%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const ID_LIST = String.raw`(?:\[\[)?${ID_SOURCE}(?:\]\])?(?:\s*(?:,|，|、|;|；|and|和|及)?\s*(?:\[\[)?${ID_SOURCE}(?:\]\])?)*`;
const RELATION_TAIL = new RegExp(String.raw`(?<![\w-])(?:${RELATION_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|')})\s*[:：]\s*${ID_LIST}[.。;；]?`, 'gi');

const LEADING_ID = new RegExp(String.raw`^\s*\[${ID_SOURCE}\]\s*`);

/** A claim as shown in labels: "[S1] Score sites. addresses: C1" → "Score sites." (ID and relations are shown apart). */
export function claimText(text: string): string {
  let stripped = text.replace(LEADING_ID, '');
  // Most statements hold no relation; the colon test skips the regex for them.
  if (stripped.includes(':') || stripped.includes('：')) stripped = stripped.replace(RELATION_TAIL, '').replace(/\s{2,}/g, ' ');
  stripped = stripped.trim();
  return stripped || text.trim();
}
