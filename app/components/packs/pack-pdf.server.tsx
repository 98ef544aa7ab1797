/**
 * A pack as a PDF, made on the server without a browser (pdfkit, with the product's own
 * SVG charts drawn as vector graphics by svg-to-pdfkit): a cover with the table of
 * contents, each section on a new page, and the pack's title, date and data vintage in
 * the header and footer of every page. It shows the same figures as the page, through
 * the same formatting, so the two can be compared line by line.
 */
import PDFDocument from "pdfkit";
import { renderToStaticMarkup } from "react-dom/server";
import SVGtoPDF from "svg-to-pdfkit";
import { DISCLOSURE_RULE } from "~/domain/disclosure/rule";
import type { Run } from "~/domain/packs/narrative";
import type { PackContent, PackContentSection } from "~/services/packs/packs.server";
import type { PackChart, PackRow, PackTable } from "~/services/packs/section-types";
import { PackChartView } from "./pack-chart";
import { keyFigureText, longDate, rowCellText, syntheticDetail } from "./pack-format";

const MARGIN = 50;
const TOP = 64;
const BOTTOM = 60;
const INK = "#212b32";
const SECONDARY = "#4c6272";
const BLUE = "#005eb8";
/** The chart classes of app.css, for the charts that style their text by class. */
const CHART_CSS = ".app-chart__tick{font-size:13px;fill:#4c6272}.app-chart__label{font-size:14px;fill:#212b32}.app-chart__value{font-size:14px;fill:#212b32}";

type Doc = PDFKit.PDFDocument;

/** Standard PDF fonts encode WinAnsi only: replace what they cannot show rather than print gaps. */
const pdfText = (s: string) => s.replace(/[≤]/g, "<=").replace(/[≥]/g, ">=").replace(/[▲]/g, "^").replace(/[▼]/g, "v").replace(/[●]/g, "o").replace(/[\u2009\u202f]/g, " ");

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - BOTTOM) doc.addPage();
}

function heading(doc: Doc, text: string, size: number) {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(size).fillColor(INK).text(pdfText(text), MARGIN, undefined, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;

function paragraph(doc: Doc, text: string, size = 10, colour = INK) {
  doc.font("Helvetica").fontSize(size).fillColor(colour).text(pdfText(text), MARGIN, undefined, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function runs(doc: Doc, list: Run[], options: { indent?: number } = {}) {
  list.forEach((r, i) => {
    const continued = i < list.length - 1;
    doc.font(r.bold ? "Helvetica-Bold" : "Helvetica").fontSize(10).fillColor(INK);
    // Only the first run sets the position and width: giving them again restarts the line.
    if (i === 0) doc.text(pdfText(r.text), MARGIN + (options.indent ?? 0), undefined, { width: contentWidth(doc) - (options.indent ?? 0), continued });
    else doc.text(pdfText(r.text), { continued });
  });
}

function narrative(doc: Doc, section: PackContentSection) {
  for (const block of section.narrative) {
    if (block.type === "paragraph") {
      runs(doc, block.runs);
      doc.moveDown(0.5);
    } else {
      for (const item of block.items) {
        const y = doc.y;
        doc.font("Helvetica").fontSize(10).fillColor(INK).text("•", MARGIN + 4, y);
        doc.y = y;
        runs(doc, item, { indent: 16 });
        doc.moveDown(0.2);
      }
      doc.moveDown(0.4);
    }
  }
}

function chart(doc: Doc, c: PackChart, tables: PackTable[]) {
  const markup = renderToStaticMarkup(<PackChartView chart={c} tables={tables} standalone />);
  const svg = /<svg[\s\S]*<\/svg>/.exec(markup)?.[0];
  if (!svg) {
    paragraph(doc, markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim(), 9, SECONDARY);
    return;
  }
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const [vw, vh] = box ? [Number(box[1]), Number(box[2])] : [640, 360];
  // A chart taller than a page (every neighbourhood of a large ICB) is scaled down to one page.
  const room = doc.page.height - TOP - BOTTOM - 40;
  let width = Math.min(contentWidth(doc), vw);
  let height = (vh / vw) * width;
  if (height > room) {
    width *= room / height;
    height = room;
  }
  ensureSpace(doc, height + 30);
  doc.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(pdfText(c.title), MARGIN, undefined, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const styled = svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${CHART_CSS}</style>`).replace(/width="100%"/, `width="${vw}" height="${vh}"`);
  const y = doc.y;
  SVGtoPDF(doc, styled, MARGIN, y, { width, height, preserveAspectRatio: "xMinYMin meet", warningCallback: () => {} });
  doc.y = y + height + 8;
  doc.x = MARGIN;
}

function table(doc: Doc, t: PackTable) {
  const columns = t.columns;
  const all: PackRow[] = [...t.rows, ...(t.total ? [t.total] : [])];
  const width = contentWidth(doc);
  const size = columns.length > 7 ? 6.5 : 7.5;
  doc.fontSize(size);
  // The label column takes what it needs up to a third; the rest share what is left by their widest text.
  const text = (r: PackRow, k: string, f: PackTable["columns"][number]["format"]) => pdfText(rowCellText(r, k, f));
  const widest = (items: string[]) => Math.max(...items.map((s) => doc.font("Helvetica").widthOfString(s)), 20);
  const labelWidth = Math.min(width / 3, widest([t.rowHeader, ...all.map((r) => r.label)]) + 6);
  const wants = columns.map((c) => Math.min(widest([...all.map((r) => text(r, c.key, c.format))]), 140) + 6);
  const headWants = columns.map((c) => Math.min(doc.font("Helvetica-Bold").widthOfString(c.label), 90) + 6);
  const natural = columns.map((_, i) => Math.max(wants[i], Math.min(headWants[i], 60)));
  const scale = Math.min(1.6, (width - labelWidth) / natural.reduce((s, w) => s + w, 0));
  const widths = [labelWidth, ...natural.map((w) => w * scale)];
  const cells = (values: string[], bold: boolean, numericAt: (i: number) => boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: widths[i] - 4 }))) + 4;
    ensureSpace(doc, height);
    const y = doc.y;
    let x = MARGIN;
    values.forEach((v, i) => {
      doc.fillColor(INK).text(v, x + 2, y + 2, { width: widths[i] - 4, align: numericAt(i) ? "right" : "left" });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.4).strokeColor("#d8dde0").stroke();
    doc.y = y + height;
  };
  ensureSpace(doc, 60);
  doc.font("Helvetica-Bold").fontSize(9).fillColor(INK).text(pdfText(t.title), MARGIN, undefined, { width });
  doc.font("Helvetica").fontSize(7.5).fillColor(SECONDARY).text(pdfText(t.description), MARGIN, undefined, { width });
  doc.moveDown(0.3);
  if (!all.length) {
    paragraph(doc, "No data to display.", 8, SECONDARY);
    return;
  }
  const numeric = (i: number) => i > 0 && columns[i - 1].format !== "text" && columns[i - 1].format !== "date";
  cells([t.rowHeader, ...columns.map((c) => pdfText(c.label))], true, numeric);
  for (const r of t.rows) cells([pdfText(r.label), ...columns.map((c) => text(r, c.key, c.format))], false, numeric);
  if (t.total) cells([pdfText(t.total.label), ...columns.map((c) => text(t.total!, c.key, c.format))], true, numeric);
  for (const n of t.notes ?? []) paragraph(doc, n, 7.5, SECONDARY);
  doc.moveDown(0.6);
}

function section(doc: Doc, s: PackContentSection, index: number) {
  const { data } = s;
  heading(doc, `${index + 1}. ${data.title}`, 16);
  if (data.synthetic) {
    doc.font("Helvetica-Bold").fontSize(9).fillColor("#7c2855").text("Synthetic demonstration data. ", MARGIN, undefined, { width: contentWidth(doc), continued: true });
    doc.font("Helvetica").text(pdfText(syntheticDetail(data.synthetic)));
    doc.moveDown(0.5);
  }
  narrative(doc, s);
  if (data.status !== "ready" && data.message) paragraph(doc, data.message, 10, SECONDARY);
  if (data.keyFigures.length) {
    heading(doc, "Key figures", 11);
    for (const k of data.keyFigures) {
      doc.font("Helvetica").fontSize(10).fillColor(INK).text(`${pdfText(k.label)}: `, MARGIN, undefined, { continued: true, width: contentWidth(doc) });
      doc.font("Helvetica-Bold").text(pdfText(`${keyFigureText(k)}${k.detail ? ` ${k.detail}` : ""}`));
    }
    doc.moveDown(0.5);
  }
  const charted = new Set(data.charts.flatMap((c) => (c.type === "bars" ? [c.table] : [])));
  for (const c of data.charts) chart(doc, c, data.tables);
  for (const t of [...data.tables.filter((x) => charted.has(x.id)), ...data.tables.filter((x) => !charted.has(x.id))]) table(doc, t);
  if (data.status === "ready") {
    heading(doc, "About these figures", 11);
    for (const [label, lines] of [
      ["Sources", data.sources],
      ["Periods", data.periods],
      ["Data as at", data.vintage ? [data.vintage] : []],
      ["Caveats", data.caveats],
    ] as const) {
      if (!lines.length) continue;
      doc.font("Helvetica-Bold").fontSize(8.5).fillColor(INK).text(label, MARGIN, undefined, { width: contentWidth(doc) });
      for (const line of lines) paragraph(doc, `– ${line}`, 8, INK);
    }
  }
}

/** The PDF's bytes. */
export async function buildPackPdf(content: PackContent, { generatedAt = new Date() }: { generatedAt?: Date } = {}): Promise<Buffer> {
  const { pack } = content;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pack.title, Subject: `Strategy evidence pack: ${pack.area.name}`, Author: pack.version.authorName, Creator: "Health justice commissioning" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const status = content.frozen ? `Published ${longDate(content.figuresAt)}: figures frozen on that date` : `Draft: live figures as at ${longDate(content.figuresAt)}`;
  doc.font("Helvetica").fontSize(10).fillColor(SECONDARY).text("Strategy evidence pack", MARGIN, TOP + 20);
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK).text(pdfText(pack.title), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font("Helvetica").fontSize(13).fillColor(INK).text(pdfText(pack.area.level === "place" ? `${pack.area.name}, ${pack.area.icbName}` : pack.area.name));
  doc.moveDown(0.8);
  paragraph(doc, status, 10);
  paragraph(doc, `Version ${pack.version.number}, by ${pack.version.authorName}, ${longDate(pack.version.createdAt)}`, 10);
  if (content.vintage.length) paragraph(doc, `Data: ${content.vintage.join("; ")}`, 10);
  if (content.synthetic) paragraph(doc, "Some figures in this pack are synthetic demonstration data: they describe no real service, organisation or client.", 10, "#7c2855");
  heading(doc, "Contents", 13);
  const contentsY = doc.y;
  doc.y = contentsY + content.sections.length * 18 + 12;
  heading(doc, "Disclosure control", 11);
  for (const rule of DISCLOSURE_RULE) paragraph(doc, rule, 8.5);

  const starts: number[] = [];
  content.sections.forEach((s, i) => {
    doc.addPage();
    starts.push(doc.bufferedPageRange().count);
    section(doc, s, i);
  });

  // The contents need the page numbers, which are known only now.
  doc.switchToPage(0);
  content.sections.forEach((s, i) => {
    const y = contentsY + i * 18;
    doc.font("Helvetica").fontSize(11).fillColor(BLUE).text(pdfText(`${i + 1}. ${s.data.title}`), MARGIN, y, { width: contentWidth(doc) - 60, lineBreak: false });
    doc.fillColor(INK).text(`page ${starts[i]}`, MARGIN + contentWidth(doc) - 60, y, { width: 60, align: "right", lineBreak: false });
  });

  const range = doc.bufferedPageRange();
  const running = pdfText(`${pack.title} – ${pack.area.name}`);
  const footer = pdfText(`${content.frozen ? "Published" : "Draft"}; figures as at ${longDate(content.figuresAt)}${content.vintage.length ? `; ${content.vintage.join("; ")}` : ""}. Printed ${longDate(generatedAt.toISOString())}.`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the margins must not start new pages.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(7.5).fillColor(SECONDARY);
    doc.text(running, MARGIN, 28, { width: contentWidth(doc) - 70, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN + contentWidth(doc) - 70, 28, { width: 70, align: "right", lineBreak: false });
    doc.text(footer, MARGIN, doc.page.height - 42, { width: contentWidth(doc), height: 24 });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
