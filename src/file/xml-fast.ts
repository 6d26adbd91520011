/**
 * A fast path for the plain XML that spreadsheet writers produce (issue 13: `som calculate` start-up).
 *
 * saxes (xml-events.ts) stays the parser of record. This scanner accepts only a strict, simple subset of
 * XML — an optional XML declaration, then one root element with ASCII names, quoted attributes, text and the
 * five predefined entities and character references — and only when the WHOLE document is well-formed within
 * that subset. Anything else (a DOCTYPE, comment, CDATA section, processing instruction, carriage return,
 * control character, `]]>`, non-ASCII or prefixed-twice names, duplicate attributes, an unknown entity, a
 * mismatched tag, text outside the root) makes it decline, and the caller parses the document with saxes,
 * which then gives exactly today's events or today's error. So the subset's events must equal saxes's
 * (property-tested against saxes in test/file/xml-fast.test.ts), and nothing outside it changes behaviour.
 *
 * Two passes over the text: the first only checks (no handler is called), the second emits. A handler may
 * throw (a reader cap); that propagates as from saxes. Both passes are linear: every loop advances through
 * the string with `indexOf` or sticky regular expressions, and the open-element stack grows by one per
 * character at most.
 */
import type { XmlHandlers } from "./xml-events";

const XML_DECL =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
/** Constructs outside the subset anywhere in the document (the declaration is cut off first). */
// (A lone surrogate cannot come from UTF-8 decoding, but a string handed in directly could hold one.)
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|<[!?]|\]\]>|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Sticky expressions used with `test()`, which moves `lastIndex` without allocating a match (`exec` would
// allocate an array per token: most of the garbage of a read).
const NAME = /[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/y;
const SPACE = /[ \t\n]+/y;
const EQUALS = /[ \t\n]*=[ \t\n]*/y;
const TAG_END = /[ \t\n]*\/?>/y;
const CLOSE_END = /[ \t\n]*>/y;
const ONLY_SPACE = /^[ \t\n]*$/;
const ONLY_SPACE_CHAR = /^[ \t\n]$/;
const TAB_OR_NEWLINE = /[\t\n]/g;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
/** The five predefined entities (the only ones the subset knows). */
const predefined = (name: string): string =>
  name === "lt" ? "<" : name === "gt" ? ">" : name === "amp" ? "&" : name === "quot" ? '"' : "'";

/** XML 1.0's Char production for a character reference. */
const isXmlChar = (c: number): boolean =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** Resolves the references in `s`; undefined when one is not in the subset (or not a legal character). */
function resolveReferences(s: string): string | undefined {
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(s);
    if (m === null) return undefined;
    let ch: string;
    if (m[1] !== undefined) ch = predefined(m[1]);
    else {
      const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] as string, 16);
      if (!isXmlChar(code)) return undefined;
      ch = String.fromCodePoint(code);
    }
    out += s.slice(from, amp) + ch;
    from = REFERENCE.lastIndex;
  }
  return from === 0 ? s : out + s.slice(from);
}

const isAmongFirst = (list: readonly string[], count: number, s: string): boolean => {
  for (let k = 0; k < count; k++) if (list[k] === s) return true;
  return false;
};

/** An element or attribute name without its namespace prefix (`x:sheet` → `sheet`); also xml-events.ts's. */
export const localName = (qname: string): string => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

/**
 * Scans `xml`; with `handlers` undefined only checks. Returns false when the document is not entirely within
 * the subset (then nothing has been emitted in a checking pass).
 */
function scan(xml: string, handlers: XmlHandlers | undefined): boolean {
  let i = 0;
  const decl = XML_DECL.exec(xml);
  if (decl !== null) i = decl[0].length;
  if (OUTSIDE_SUBSET.test(decl === null ? xml : xml.slice(i))) return false;
  // saxes reports white space before the root only after a declaration: at the very start it is skipped.
  if (decl === null) while (i < xml.length && ONLY_SPACE_CHAR.test(xml.charAt(i))) i += 1;
  const stack: string[] = [];
  let rootDone = false;
  // The current element's attributes: the first `count` entries (kept, not truncated, so that no element
  // allocates new arrays).
  const names: string[] = [];
  const values: string[] = [];
  let count = 0;
  const attr = (name: string): string | undefined => {
    for (let k = 0; k < count; k++) if (names[k] === name) return values[k];
    for (let k = 0; k < count; k++) if (localName(names[k] as string) === name) return values[k];
    return undefined;
  };
  const onText = handlers?.text;
  const onClose = handlers?.close;
  const n = xml.length;
  let nextAmp = -1;
  let nextLess = -1;
  for (;;) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length === 0) {
        const raw = xml.slice(i, end);
        if (!ONLY_SPACE.test(raw)) return false; // text before or after the root
        if (onText !== undefined) onText(raw); // saxes reports the white space outside the root too
      } else {
        // The next `&` is looked for again only once passed (a search per text run would be quadratic).
        if (nextAmp < i) {
          const amp = xml.indexOf("&", i);
          nextAmp = amp < 0 ? n : amp;
        }
        if (nextAmp < end) {
          const text = resolveReferences(xml.slice(i, end));
          if (text === undefined) return false;
          if (onText !== undefined) onText(text);
        } else if (onText !== undefined) onText(xml.slice(i, end));
      }
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      NAME.lastIndex = lt + 2;
      if (!NAME.test(xml) || stack.length === 0) return false;
      const nameEnd = NAME.lastIndex;
      const open = stack[stack.length - 1] as string;
      if (nameEnd - lt - 2 !== open.length || !xml.startsWith(open, lt + 2)) return false;
      CLOSE_END.lastIndex = nameEnd;
      if (!CLOSE_END.test(xml)) return false;
      stack.pop();
      if (stack.length === 0) rootDone = true;
      if (onClose !== undefined) onClose(localName(open));
      i = CLOSE_END.lastIndex;
      continue;
    }
    if (rootDone) return false; // a second root element
    NAME.lastIndex = lt + 1;
    if (!NAME.test(xml)) return false;
    let at = NAME.lastIndex;
    const name = xml.slice(lt + 1, at);
    count = 0;
    let seen: Set<string> | undefined;
    for (;;) {
      // An attribute: white space, a name, `=`, a quoted value without `<`.
      SPACE.lastIndex = at;
      if (!SPACE.test(xml)) break;
      NAME.lastIndex = SPACE.lastIndex;
      if (!NAME.test(xml)) break;
      const attrName = xml.slice(SPACE.lastIndex, NAME.lastIndex);
      EQUALS.lastIndex = NAME.lastIndex;
      if (!EQUALS.test(xml)) return false;
      const q = xml.charCodeAt(EQUALS.lastIndex);
      if (q !== 34 /* " */ && q !== 39 /* ' */) return false;
      const from = EQUALS.lastIndex + 1;
      const to = xml.indexOf(q === 34 ? '"' : "'", from);
      if (to < 0) return false;
      if (nextLess < from) {
        const less = xml.indexOf("<", from);
        nextLess = less < 0 ? n : less;
      }
      if (nextLess < to) return false;
      // A duplicate attribute is saxes's error (a set once an element has many, to stay linear).
      if (
        count < 16
          ? isAmongFirst(names, count, attrName)
          : (seen ??= new Set(names.slice(0, count))).has(attrName)
      )
        return false;
      seen?.add(attrName);
      let value = xml.slice(from, to);
      if (value.includes("\t") || value.includes("\n")) value = value.replace(TAB_OR_NEWLINE, " ");
      if (value.includes("&")) {
        const resolved = resolveReferences(value);
        if (resolved === undefined) return false;
        value = resolved;
      }
      names[count] = attrName;
      values[count] = value;
      count += 1;
      at = to + 1;
    }
    TAG_END.lastIndex = at;
    if (!TAG_END.test(xml)) return false;
    i = TAG_END.lastIndex;
    const selfClosing = xml.charCodeAt(i - 2) === 47; /* / */
    if (handlers !== undefined) handlers.open(localName(name), attr);
    if (selfClosing) {
      if (stack.length === 0) rootDone = true;
      if (onClose !== undefined) onClose(localName(name));
    } else stack.push(name);
  }
  return rootDone && stack.length === 0;
}

/**
 * Parses `xml` with the fast scanner when the whole document is within the subset and calls the handlers
 * exactly as saxes would; returns false (having called no handler) when it is not, so the caller uses saxes.
 */
export function parseSimpleXml(xml: string, handlers: XmlHandlers): boolean {
  if (!scan(xml, undefined)) return false;
  scan(xml, handlers);
  return true;
}
