import { describe, expect, it } from "vitest";
import { csvCell, safeFileName, type TableColumn, tableCsv } from "./csv";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    [12.5, "12.5"],
    [-3.2, "-3.2"],
    [null, ""],
    [undefined, ""],
    [Number.NaN, ""],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+44 161", "'+44 161"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ["\rreturn", "\"'\rreturn\""],
    ['He said "hi"', '"He said ""hi"""'],
    ["Bolton, Bury", '"Bolton, Bury"'],
    ["=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""],
    [" padded ", '" padded "'],
  ])("writes %j as %j", (value, cell) => {
    expect(csvCell(value as string | number | null)).toBe(cell);
  });
});

describe("tables as CSV", () => {
  type Row = { name: string; value: number | null };
  const columns: TableColumn<Row>[] = [
    { key: "name", label: "Area", value: (r) => r.name },
    { key: "value", label: "Value (%)", numeric: true, value: (r) => r.value, text: (r) => (r.value === null ? "–" : r.value.toFixed(1)) },
  ];

  it("writes a header of labels and one line per row, unrounded, with CRLF line ends", () => {
    expect(tableCsv(columns, [{ name: "Bolton", value: 14.2331 }, { name: "=cmd()", value: null }])).toBe("Area,Value (%)\r\nBolton,14.2331\r\n'=cmd(),\r\n");
  });
});

describe("file names", () => {
  it.each([
    ["qof-dep neighbourhood E54000057.csv", "qof-dep-neighbourhood-E54000057.csv"],
    ["../../etc/passwd", "..-..-etc-passwd"],
    ["", "download"],
  ])("makes %j safe as %j", (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
