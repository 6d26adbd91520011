/**
 * A thin streaming-XML layer over saxes for the .xlsx parts. saxes is a conforming, non-validating
 * parser: it does not load external entities or expand DTD-declared entities (an undefined entity is an
 * error), so "billion laughs" and XXE are impossible; its attribute and entity tables are null-prototype
 * objects. Element names are given without namespace prefix (`x:sheet` → `sheet`), which is how the
 * OOXML parts are used by every writer we have seen.
 *
 * Plain spreadsheet XML takes a faster route first (xml-fast.ts): a scanner for a strict subset of XML that
 * gives exactly saxes's events, or declines before calling any handler, and saxes parses the document.
 */
import { SaxesParser } from "saxes";
import { FileReadError } from "./file-read-error";
import { localName, parseSimpleXml } from "./xml-fast";

export interface XmlHandlers {
  /** An element opened; `attr(name)` reads an attribute by local name (prefix ignored), during this call only. */
  open(name: string, attr: (name: string) => string | undefined): void;
  /** Text or CDATA inside the current element (may come in several pieces). */
  text?(text: string): void;
  close?(name: string): void;
}

/** Parses `bytes` (UTF-8) and calls the handlers; malformed XML → `FileReadError("malformedXml")` naming the part. */
export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  const xml = new TextDecoder("utf-8").decode(bytes);
  try {
    // The fast path for plain spreadsheet XML (xml-fast.ts): the same events as saxes, or it declines.
    if (parseSimpleXml(xml, handlers)) return;
  } catch (error) {
    throw malformed(part, error);
  }
  parseWithSaxes(xml, part, handlers);
}

/** saxes's route of `parseXml` (also the reference the fast path is tested against). */
export function parseWithSaxes(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    const attr = (name: string): string | undefined => {
      if (name in attributes) return attributes[name];
      for (const key of Object.keys(attributes)) {
        if (localName(key) === name) return attributes[key];
      }
      return undefined;
    };
    handlers.open(localName(tag.name), attr);
  });
  const onText = handlers.text;
  if (onText !== undefined) {
    parser.on("text", (t) => onText(t));
    parser.on("cdata", (t) => onText(t));
  }
  const onClose = handlers.close;
  if (onClose !== undefined) parser.on("closetag", (tag) => onClose(localName(tag.name)));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw malformed(part, error);
  }
}

/** A handler's own `FileReadError` (a reader cap) as it is; anything else: the part is not valid XML. */
function malformed(part: string, error: unknown): FileReadError {
  if (error instanceof FileReadError) return error;
  return new FileReadError(
    "malformedXml",
    {
      da: `Filen er beskadiget: delen ${JSON.stringify(part)} er ikke gyldig XML.`,
      en: `The file is damaged: the part ${JSON.stringify(part)} is not valid XML.`,
    },
    { cause: error },
  );
}
