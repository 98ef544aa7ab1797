import { expect, test } from "vitest";
import { attachmentDisposition, checkDocument, MAX_DOCUMENT_BYTES, safeDocumentName } from "./documents";

const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n");
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0]);

test.each([
  ["agreement.pdf", PDF, "application/pdf"],
  ["Schedule 2.DOCX", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["budget.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["old.doc", OLE, "application/msword"],
  ["old.xls", OLE, "application/vnd.ms-excel"],
])("%s is accepted as %s", (fileName, bytes, mimeType) => {
  expect(checkDocument({ fileName, bytes })).toEqual({ ok: true, fileName, mimeType });
});

test.each([
  ["virus.exe", EXE, "must be a PDF, Word, Excel, PowerPoint or OpenDocument file"],
  ["invoice.pdf", EXE, "is not a real PDF file"],
  ["letter.docx", PDF, "is not a real Word file"],
  ["notes.txt", new TextEncoder().encode("hello"), "must be a PDF"],
  ["empty.pdf", new Uint8Array(), "is empty"],
  ["no-extension", PDF, "must be a PDF"],
])("%s is refused: %s", (fileName, bytes, message) => {
  const result = checkDocument({ fileName, bytes });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toContain(message);
});

test("a file over the size limit is refused before its type is read", () => {
  const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
  big.set(PDF);
  expect(checkDocument({ fileName: "big.pdf", bytes: big })).toEqual({ ok: false, message: "The selected file must be smaller than 10 MB" });
});

test.each([
  ["../../etc/passwd.pdf", "passwd.pdf"],
  ["C:\\Users\\me\\Desktop\\MoU v2.pdf", "MoU v2.pdf"],
  ["..pdf", "pdf"],
  ['a"b<c>\u0000.pdf', "abc.pdf"],
  ["", "document"],
])("the name %j is kept as %j", (name, safe) => {
  expect(safeDocumentName(name)).toBe(safe);
});

test("a download names the file in ASCII and exactly (RFC 5987)", () => {
  expect(attachmentDisposition("Accord été.pdf")).toBe(`attachment; filename="Accord _t_.pdf"; filename*=UTF-8''Accord%20%C3%A9t%C3%A9.pdf`);
});
