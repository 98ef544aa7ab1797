/**
 * The narrative an author writes for a section, in plain text with a little formatting:
 * blank lines between paragraphs, lines starting "- " or "* " as bullets, and **bold**.
 * It is parsed into blocks of text runs, never HTML, so the page, the PDF and the
 * spreadsheet render it the same way and nothing an author types can become markup.
 */

export type Run = { text: string; bold: boolean };
export type NarrativeBlock = { type: "paragraph"; runs: Run[] } | { type: "list"; items: Run[][] };

const BULLET = /^\s*[-*•]\s+/;

/** "a **b** c" → runs; an unmatched ** is kept as typed. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  const parts = text.split("**");
  // An even number of parts means an odd number of markers: the last one has no partner.
  const closed = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts[parts.length - 2]}**${parts[parts.length - 1]}`];
  closed.forEach((part, i) => {
    if (!part) return;
    const bold = i % 2 === 1;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold) last.text += part;
    else runs.push({ text: part, bold });
  });
  return runs;
}

/** Paragraphs and bullet lists of the narrative; whitespace inside a paragraph collapses. */
export function parseNarrative(source: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  // Control characters other than newlines and tabs have no business in a board paper.
  const clean = source.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  for (const chunk of clean.split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((l) => l.trim());
    let paragraph: string[] = [];
    let items: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: "paragraph", runs: parseInline(paragraph.join(" ").replace(/\s+/g, " ").trim()) });
      paragraph = [];
    };
    const flushList = () => {
      if (items.length) blocks.push({ type: "list", items: items.map((i) => parseInline(i.replace(/\s+/g, " ").trim())) });
      items = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushParagraph();
        items.push(line.replace(BULLET, ""));
      } else if (items.length && /^\s+/.test(line)) {
        // An indented line continues the bullet above it.
        items[items.length - 1] += ` ${line.trim()}`;
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks.filter((b) => (b.type === "paragraph" ? b.runs.length > 0 : b.items.length > 0));
}

/** The narrative as plain text (for a spreadsheet cell or a search): bullets as "• ", bold markers dropped. */
export function narrativeText(blocks: readonly NarrativeBlock[]): string {
  const runs = (r: Run[]) => r.map((x) => x.text).join("");
  return blocks.map((b) => (b.type === "paragraph" ? runs(b.runs) : b.items.map((i) => `• ${runs(i)}`).join("\n"))).join("\n\n");
}
