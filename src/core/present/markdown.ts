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
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : flat;
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
const RELATION_TAIL = new RegExp(String.raw`\s*(?<![\w-])(?:${RELATION_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|')})\s*[:：]\s*${ID_LIST}[.。;；]?`, 'gi');

/** A claim without its written relations: "Score sites. addresses: C1" → "Score sites." (they are shown apart). */
export function withoutRelations(text: string): string {
  const stripped = text.replace(RELATION_TAIL, '').trim();
  return stripped || text.trim();
}
