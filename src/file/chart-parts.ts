/**
 * Native charts in the .xlsx files we write (`SheetSpec.charts`: the tornado on `Følsomhedsresultater`, the
 * comparison chart on `Sammenligning`, the fan chart on `Usikkerhedsresultater`). exceljs cannot write charts, so this adds
 * the DrawingML parts to the finished package (Node only, like the rest of the writer):
 *
 * - `xl/charts/chartN.xml`: a `c:lineChart` or a horizontal `c:barChart` whose series and categories are
 *   references to the sheet's own cells (`'Ark'!$B$5:$B$18`), no cached values — Excel and LibreOffice read
 *   the cells when they open the file (the writer sets full calculation on load);
 * - `xl/drawings/drawingN.xml` with one anchored graphic frame per chart, and its relationships;
 * - a `<drawing r:id="…"/>` element in the worksheet (at its place in CT_Worksheet's sequence) and the
 *   relationship to the drawing in the worksheet's `.rels`;
 * - content-type overrides for the new parts.
 *
 * A sheet that already has a drawing (it cannot: exceljs writes our sheets without images) is left alone.
 * Part numbers continue after the package's existing ones, so the user's drawings in `--out` copies are kept.
 */
import type { ChartSpec, SheetSpec } from "../workbook/sheet-model";
import { parseRectA1, qualifiedAbsRef, type CellRect } from "./a1-ref";

/** A chart that cannot be written (a programmer error in a sheet spec, or a package exceljs did not write). */
export class XlsxChartError extends Error {
  override readonly name = "XlsxChartError";
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Series colours (distinct on white; the same family as the pane's charts). */
const COLORS = ["0F6CBD", "C50F1F", "107C10", "8764B8", "CA5010", "038387", "4F6BED", "986F0B"];

export const xmlEscape = (s: string): string =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** The value of a cell of `sheet` (0-based), or undefined when no block covers it. */
function cellValue(sheet: SheetSpec, row: number, col: number): unknown {
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && c >= 0 && r < b.values.length) {
      const line = b.values[r];
      if (line !== undefined && c < line.length) return line[c];
    }
  }
  return undefined;
}

function rectOf(sheet: SheetSpec, ref: string, what: string): CellRect {
  const rect = parseRectA1(ref);
  if (rect === undefined)
    throw new XlsxChartError(`chart ${what} on sheet ${JSON.stringify(sheet.name)}: not an A1 range: ${ref}`);
  return rect;
}

/** Categories as numbers (years) when every category cell holds a number, else as text. */
function categoriesAreNumbers(sheet: SheetSpec, rect: CellRect): boolean {
  for (let r = 0; r < rect.rows; r++)
    for (let c = 0; c < rect.cols; c++)
      if (typeof cellValue(sheet, rect.row + r, rect.col + c) !== "number") return false;
  return true;
}

const title = (text: string): string =>
  `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
  `<a:r><a:rPr lang="da-DK" sz="1200" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
  `<c:overlay val="0"/></c:title>`;

/** The chart part of `chart` on `sheet` (DrawingML; references to the sheet's cells). */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const catRect = rectOf(sheet, chart.categories, "categories");
  const catRef = xmlEscape(qualifiedAbsRef(sheet.name, catRect));
  const cat = categoriesAreNumbers(sheet, catRect)
    ? `<c:cat><c:numRef><c:f>${catRef}</c:f></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${catRef}</c:f></c:strRef></c:cat>`;
  const line = chart.kind === "line";
  const series = chart.series
    .map((s, k) => {
      const ref = xmlEscape(qualifiedAbsRef(sheet.name, rectOf(sheet, s.ref, `series ${s.name}`)));
      const color = COLORS[k % COLORS.length] as string;
      const sp = line
        ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>${sp}` +
        `${cat}<c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val>${line ? `<c:smooth val="0"/>` : ""}</c:ser>`
      );
    })
    .join("");
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/>${axes}</c:barChart>`;
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${line ? "minMax" : "maxMin"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${line ? "b" : "l"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${line ? "l" : "b"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E6E6E6"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${line ? "autoZero" : "max"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: one two-cell anchor per chart (chart k has relationship rId{k+1}). */
export function drawingXml(sheet: SheetSpec, charts: readonly ChartSpec[]): string {
  const anchors = charts
    .map((chart, k) => {
      const at = rectOf(sheet, chart.anchor, "anchor");
      const marker = (tag: string, row: number, col: number): string =>
        `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", at.row, at.col)}` +
        `${marker("to", at.row + chart.heightRows, at.col + chart.widthCols)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${xmlEscape(`Diagram ${k + 1}`)}" descr="${xmlEscape(chart.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${k + 1}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`
  );
}

const relationships = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join("") +
  `</Relationships>`;

/** Elements that follow `<drawing>` in CT_Worksheet; the drawing goes before the first one present. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Index of `<tag` followed by a space, `>` or `/` (no namespace prefix: exceljs writes none). */
function tagIndex(xml: string, tag: string): number {
  const re = new RegExp(`<${tag}[\\s/>]`);
  const m = re.exec(xml);
  return m === null ? -1 : m.index;
}

/** The worksheet XML with `<drawing r:id="…"/>` in its place. */
export function insertDrawing(sheetXml: string, relId: string): string {
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = tagIndex(sheetXml, tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new XlsxChartError("a worksheet part without </worksheet>");
  const element = `<drawing r:id="${relId}"/>`;
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // the r: prefix must be declared on the root
  const rootEnd = xml.indexOf(">", xml.indexOf("<worksheet"));
  const root = xml.slice(0, rootEnd);
  if (!/xmlns:r=/.test(root)) xml = `${root} xmlns:r="${NS_R}"${xml.slice(rootEnd)}`;
  return xml;
}

/** The highest N of parts named `<prefix>N.xml` in the package. */
function lastNumber(files: Readonly<Record<string, unknown>>, prefix: string): number {
  let max = 0;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)\\.xml$`, "i");
  for (const name of Object.keys(files)) {
    const m = re.exec(name);
    if (m !== null) max = Math.max(max, Number(m[1]));
  }
  return max;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A relationship id not used in `relsXml`. */
function freeRelId(relsXml: string | undefined): string {
  let k = 1;
  while (relsXml !== undefined && relsXml.includes(`Id="rIdSomChart${k}"`)) k++;
  return `rIdSomChart${k}`;
}

/**
 * Adds the charts of `sheets` to the package `files` (part name → bytes, changed in place). `sheetPart` maps a
 * sheet name to its worksheet part (e.g. `xl/worksheets/sheet12.xml`), or undefined when it has none.
 */
export function addChartParts(
  files: Record<string, Uint8Array>,
  sheets: readonly SheetSpec[],
  sheetPart: (sheetName: string) => string | undefined,
): void {
  const withCharts = sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return;
  const ctKey = "[Content_Types].xml";
  const ctBytes = files[ctKey];
  if (ctBytes === undefined) throw new XlsxChartError("the package has no [Content_Types].xml");
  let contentTypes = decoder.decode(ctBytes);
  let nextChart = lastNumber(files, "xl/charts/chart") + 1;
  let nextDrawing = lastNumber(files, "xl/drawings/drawing") + 1;
  for (const sheet of withCharts) {
    const part = sheetPart(sheet.name);
    const sheetBytes = part === undefined ? undefined : files[part];
    if (part === undefined || sheetBytes === undefined)
      throw new XlsxChartError(`no worksheet part for the sheet ${JSON.stringify(sheet.name)}`);
    const sheetXml = decoder.decode(sheetBytes);
    if (tagIndex(sheetXml, "drawing") >= 0) continue; // a drawing already: leave the sheet as it is
    const charts = sheet.charts ?? [];
    const drawingName = `xl/drawings/drawing${nextDrawing++}.xml`;
    const chartNames = charts.map(() => `xl/charts/chart${nextChart++}.xml`);
    charts.forEach((chart, k) => {
      files[chartNames[k] as string] = encoder.encode(chartXml(sheet, chart));
    });
    files[drawingName] = encoder.encode(drawingXml(sheet, charts));
    const drawingFile = drawingName.slice("xl/drawings/".length);
    files[`xl/drawings/_rels/${drawingFile}.rels`] = encoder.encode(
      relationships(
        chartNames.map((c, k) => ({
          id: `rId${k + 1}`,
          type: REL_CHART,
          target: `../charts/${c.slice(10)}`,
        })),
      ),
    );
    // the worksheet's relationships: add the drawing
    const slash = part.lastIndexOf("/");
    const relsName = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    const relsBytes = files[relsName];
    const relsXml = relsBytes === undefined ? undefined : decoder.decode(relsBytes);
    const relId = freeRelId(relsXml);
    const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/${drawingFile}"/>`;
    files[relsName] = encoder.encode(
      relsXml === undefined
        ? relationships([{ id: relId, type: REL_DRAWING, target: `../drawings/${drawingFile}` }])
        : relsXml.replace("</Relationships>", `${rel}</Relationships>`),
    );
    files[part] = encoder.encode(insertDrawing(sheetXml, relId));
    const overrides = [
      `<Override PartName="/${drawingName}" ContentType="${CT_DRAWING}"/>`,
      ...chartNames.map((c) => `<Override PartName="/${c}" ContentType="${CT_CHART}"/>`),
    ].join("");
    contentTypes = contentTypes.replace("</Types>", `${overrides}</Types>`);
  }
  files[ctKey] = encoder.encode(contentTypes);
}
