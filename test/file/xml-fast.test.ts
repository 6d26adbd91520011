/**
 * The fast XML path (src/file/xml-fast.ts) against saxes, the parser of record: whenever the fast scanner
 * accepts a document, its events (element names, every attribute read by name and by local name, text,
 * close tags) equal saxes's, and saxes accepts the document too; when it declines, it has called no
 * handler, and `parseXml` gives saxes's result or error. Documents come from a grammar of the XML that
 * spreadsheet writers produce (elements, prefixed names, both quote styles, the predefined entities,
 * decimal and hexadecimal character references, tabs and newlines in attribute values, non-ASCII text),
 * then mutated at random with the characters that matter to XML, so both sides of the subset are exercised.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { FileReadError } from "../../src/file/file-read-error";
import { parseSimpleXml } from "../../src/file/xml-fast";
import { parseWithSaxes, parseXml, type XmlHandlers } from "../../src/file/xml-events";

const ATTRS = ["r", "t", "s", "x", "y", "xmlns", "r:id", "id", "Target", "val", "missing"];

/** Records every event; adjacent text pieces are joined (every handler in the reader appends text). */
function recorder(): { events: string[]; handlers: XmlHandlers } {
  const events: string[] = [];
  return {
    events,
    handlers: {
      open(name, attr) {
        events.push(`<${name} ${JSON.stringify(ATTRS.map((a) => attr(a) ?? null))}`);
      },
      text(t) {
        const last = events.length - 1;
        if (last >= 0 && (events[last] as string).startsWith("#")) events[last] += t;
        else events.push(`#${t}`);
      },
      close(name) {
        events.push(`</${name}`);
      },
    },
  };
}

type Outcome = { ok: true; events: string[] } | { ok: false };
function viaSaxes(xml: string): Outcome {
  const r = recorder();
  try {
    parseWithSaxes(xml, "part", r.handlers);
    return { ok: true, events: r.events };
  } catch {
    return { ok: false };
  }
}
function viaFast(xml: string): { accepted: boolean; events: string[] } {
  const r = recorder();
  const accepted = parseSimpleXml(xml, r.handlers);
  return { accepted, events: r.events };
}

/** The fast path's promise for one document. Returns whether it took the document. */
function agrees(xml: string): boolean {
  const fast = viaFast(xml);
  if (!fast.accepted) {
    expect(fast.events).toEqual([]); // declining calls no handler
    return false;
  }
  const ref = viaSaxes(xml);
  expect(ref.ok).toBe(true);
  if (ref.ok) expect(fast.events).toEqual(ref.events);
  return true;
}

// ---- a grammar of spreadsheet-like XML ----
const name = fc.constantFrom("c", "row", "v", "f", "is", "t", "sheetData", "x:c", "a1", "r_2", "n.m", "b-c");
const attrName = fc.constantFrom("r", "t", "s", "x", "y", "r:id", "xmlns", "xmlns:r", "id", "Target", "val");
const plainPiece = fc.oneof(
  fc.constantFrom(
    "12",
    "3.5",
    " ",
    "\n",
    "\t",
    "Århus",
    "æøå",
    "€",
    "😀",
    "a>b",
    "]]",
    "x=y",
    "'",
    '"',
    "-",
    "/",
  ),
  fc.constantFrom(
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&apos;",
    "&#65;",
    "&#x41;",
    "&#xE6;",
    "&#128512;",
    "&#9;",
    "&#10;",
    "&#13;",
  ),
);
/** Pieces of text; with `wild`, also arbitrary strings (control characters, stray `&`, `]]>` …). */
const refText = (wild: boolean): fc.Arbitrary<string> =>
  fc
    .array(wild ? fc.oneof(plainPiece, fc.string({ maxLength: 6 })) : plainPiece, { maxLength: 5 })
    .map((xs) => xs.join(""));
const space = fc.constantFrom(" ", "  ", "\n", "\t", " \n ");

interface El {
  name: string;
  attrs: [string, string, string][]; // name, value, quote
  children: (El | string)[];
}
const element = (wild: boolean): fc.Arbitrary<El> =>
  fc.letrec<{ el: El }>((tie) => ({
    el: fc.record({
      name,
      attrs: fc.uniqueArray(
        fc.tuple(
          attrName,
          refText(wild).map((v) => v.replace(/</g, "")),
          fc.constantFrom('"', "'"),
        ),
        {
          maxLength: 3,
          selector: (a) => a[0],
        },
      ),
      children: fc.array(
        fc.oneof(
          { depthSize: "small" },
          refText(wild).map((t) => t.replace(/</g, "")),
          tie("el"),
        ),
        { maxLength: 3 },
      ),
    }),
  })).el;

function render(el: El, sp: string): string {
  const attrs = el.attrs
    .map(
      ([n, v, q]) =>
        `${sp}${n}${sp === "\n" ? "" : " "}=${q}${v.split(q).join(q === '"' ? "&quot;" : "&apos;")}${q}`,
    )
    .join("");
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => (typeof c === "string" ? c : render(c, sp))).join("");
  return `<${el.name}${attrs}>${inner}</${el.name}${sp === "\t" ? "\t" : ""}>`;
}

/** Declarations and prologues: the first three are in the subset, the others make it decline. */
const PLAIN_DECLS = [
  "",
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  "<?xml version='1.0'?>",
];
const OTHER_DECLS = [
  '<?xml version="1.0" encoding="utf-8"?>\r\n',
  '<?xml version="1.1"?>',
  "<!-- a comment -->",
  '<!DOCTYPE a [<!ENTITY e "x">]>',
];
const document = (decls: string[], wild: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...decls),
      element(wild),
      space,
      fc.constantFrom("", "\n", " \n"),
      fc.constantFrom("", " ", "\n\t"),
    )
    .map(([d, el, sp, tail, lead]) => `${d.startsWith("<?xml") ? "" : lead}${d}${render(el, sp)}${tail}`);
const plainDocument = document(PLAIN_DECLS, false);
const anyDocument = document([...PLAIN_DECLS, ...OTHER_DECLS], true);

const mutation = fc.tuple(
  fc.nat(),
  fc.constantFrom(
    "<",
    ">",
    "&",
    ";",
    '"',
    "'",
    "/",
    "=",
    "!",
    "?",
    "[",
    "]",
    ":",
    " ",
    "\r",
    "\u0001",
    "#",
    "x",
    "",
  ),
  fc.constantFrom("insert", "replace", "delete"),
);
function mutate(xml: string, muts: [number, string, string][]): string {
  let s = xml;
  for (const [at, ch, kind] of muts) {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    if (kind === "insert") s = s.slice(0, i) + ch + s.slice(i);
    else if (kind === "replace") s = s.slice(0, i) + ch + s.slice(i + 1);
    else s = s.slice(0, i) + s.slice(i + 1);
  }
  return s;
}

describe("the fast XML path agrees with saxes", () => {
  it("takes every plain document and gives saxes's events for it", () => {
    fc.assert(
      fc.property(plainDocument, (xml) => {
        expect(agrees(xml)).toBe(true);
      }),
      { numRuns: 1500, seed: 1301 },
    );
  });

  it("gives saxes's events or declines on mutated documents", () => {
    let taken = 0;
    let refusedBySaxes = 0;
    fc.assert(
      fc.property(anyDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }), (xml, muts) => {
        const s = mutate(xml, muts);
        if (agrees(s)) taken += 1;
        else if (!viaSaxes(s).ok) refusedBySaxes += 1;
      }),
      { numRuns: 4000, seed: 1302 },
    );
    // Both sides are exercised: mutated documents the fast path takes, and broken ones only saxes judges.
    expect(taken).toBeGreaterThan(100);
    expect(refusedBySaxes).toBeGreaterThan(400);
  });

  it("agrees on every part of the bundled workbooks and takes each one", () => {
    const root = path.join(__dirname, "..", "..");
    for (const file of [
      "examples/eksempel.xlsx",
      "examples/eksempel-scenarier.xlsx",
      "assets/SOM-skabelon.xlsx",
    ]) {
      const parts = unzipSync(fs.readFileSync(path.join(root, file)));
      const xmlParts = Object.entries(parts).filter(([n]) => /\.(xml|rels)$/.test(n));
      expect(xmlParts.length).toBeGreaterThan(10);
      for (const [n, bytes] of xmlParts) {
        const xml = strFromU8(bytes);
        expect([n, agrees(xml)]).toEqual([n, true]);
      }
    }
  });
});

describe("what the fast path declines", () => {
  const cases: [string, string][] = [
    ["a DOCTYPE with an entity", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["an undefined entity", "<a>&e;</a>"],
    ["a comment", "<a><!-- x --></a>"],
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["a processing instruction", "<a><?pi x?></a>"],
    ["a carriage return", "<a>x\r\ny</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["a forbidden character reference", "<a>&#0;</a>"],
    ["a surrogate character reference", "<a>&#xD800;</a>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["a mismatched close tag", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "x<a/>"],
    ["a non-ASCII element name", "<æ/>"],
    ["a name with two colons", "<a:b:c/>"],
    ["attributes without space between them", '<a x="1"y="2"/>'],
    ["a less-than sign in an attribute", '<a x="<"/>'],
    ["an XML 1.1 declaration", '<?xml version="1.1"?><a/>'],
    ["a declaration not at the start", ' <?xml version="1.0"?><a/>'],
    ["an empty document", ""],
  ];
  it.each(cases)("declines %s, calling no handler", (_label, xml) => {
    const fast = viaFast(xml);
    expect(fast.accepted).toBe(false);
    expect(fast.events).toEqual([]);
  });

  it("leaves the refusal to saxes: XXE and billion laughs are still the same malformed-XML error", () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    for (const xml of [laughs, xxe]) {
      let error: unknown;
      try {
        parseXml(strToU8(xml), "xl/worksheets/sheet1.xml", { open: () => undefined, text: () => undefined });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileReadError);
      expect((error as FileReadError).code).toBe("malformedXml");
    }
  });

  it("passes a handler's own FileReadError through unchanged, and wraps any other throw as malformed XML", () => {
    const cap = new FileReadError("tooManyCells", { da: "for mange celler", en: "too many cells" });
    expect(() =>
      parseXml(strToU8("<a><b/></a>"), "p", {
        open: (n) => {
          if (n === "b") throw cap;
        },
      }),
    ).toThrow(cap);
    let error: unknown;
    try {
      parseXml(strToU8("<a/>"), "p", {
        open: () => {
          throw new TypeError("boom");
        },
      });
    } catch (e) {
      error = e;
    }
    expect((error as FileReadError).code).toBe("malformedXml");
  });

  it("is linear on a deep and a wide document (no hang)", () => {
    const deep = `${"<a>".repeat(200_000)}${"</a>".repeat(200_000)}`;
    const wide = `<r>${'<c r="A1" s="1" t="n"><v>1</v></c>'.repeat(200_000)}</r>`;
    const unclosedQuotes = `<r>${'<c r="'.repeat(100_000)}</r>`;
    const manyAttributes = `<r ${Array.from({ length: 100_000 }, (_, k) => `a${k}="${k}"`).join(" ")}/>`;
    const manyDuplicated = `<r ${Array.from({ length: 100_000 }, (_, k) => `a${k}="${k}"`).join(" ")} a99999="x"/>`;
    for (const xml of [deep, wide, unclosedQuotes, manyAttributes, manyDuplicated]) {
      const t0 = Date.now();
      parseSimpleXml(xml, { open: () => undefined });
      expect(Date.now() - t0).toBeLessThan(2000);
    }
    expect(parseSimpleXml(deep, { open: () => undefined })).toBe(true);
    expect(parseSimpleXml(unclosedQuotes, { open: () => undefined })).toBe(false);
    expect(parseSimpleXml(manyAttributes, { open: () => undefined })).toBe(true);
    expect(parseSimpleXml(manyDuplicated, { open: () => undefined })).toBe(false);
  });
});
