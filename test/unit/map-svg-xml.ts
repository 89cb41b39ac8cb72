// A strict little XML reader for tests: enough to prove that serialised SVG is well-formed and to
// read back its text exactly as an XML parser would. It supports elements, attributes, text and
// character/entity references, and rejects everything else (comments, CDATA, processing
// instructions, doctypes), which our serialiser never writes.

export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element, in order, joined. */
  text: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  if (!XML_CHARS.test(source)) throw new XmlError('characters outside XML 1.0');
  let at = 0;
  const fail = (message: string): never => {
    throw new XmlError(`${message} at ${at}: ${JSON.stringify(source.slice(at, at + 30))}`);
  };
  const skipSpace = () => {
    while (at < source.length && /[ \t\r\n]/.test(source[at])) at++;
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(';')) fail('unterminated reference');
      if (body in ENTITIES) return ENTITIES[body];
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!numeric) return fail(`unknown entity &${body};`);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
      const char = String.fromCodePoint(code);
      if (!XML_CHARS.test(char)) fail('reference to a character outside XML 1.0');
      return char;
    });
  const readName = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(source);
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };

  const readElement = (): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at++;
    const element: XmlElement = { name: readName(), attrs: new Map(), children: [], text: '' };
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return element;
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected space before attribute');
      const name = readName();
      if (element.attrs.has(name)) fail(`duplicate attribute ${name}`);
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(at + 1, end);
      if (raw.includes('<')) fail('< inside an attribute value');
      element.attrs.set(name, decode(raw));
      at = end + 1;
    }
    for (;;) {
      if (at >= source.length) fail(`unclosed <${element.name}>`);
      if (source.startsWith('</', at)) {
        at += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected >');
        at++;
        return element;
      }
      if (source.startsWith('<!', at) || source.startsWith('<?', at)) fail('unsupported markup');
      if (source[at] === '<') {
        element.children.push(readElement());
        continue;
      }
      const next = source.indexOf('<', at);
      const raw = source.slice(at, next < 0 ? source.length : next);
      if (raw.includes(']]>')) fail(']]> in text');
      element.text += decode(raw);
      at += raw.length;
    }
  };

  skipSpace();
  const root = readElement();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** All text under an element: its own text, then its children's (our output never mixes them). */
export function textContent(element: XmlElement): string {
  return element.text + element.children.map(textContent).join('');
}
