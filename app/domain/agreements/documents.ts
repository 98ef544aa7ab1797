/**
 * Checks on files attached to agreements: only PDF and office documents, no larger
 * than MAX_DOCUMENT_BYTES, and the bytes must be what the name says (a renamed
 * executable is refused). The name is cleaned for display and the download's
 * suggested name only; it is never used as a path.
 */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

type Signature = "pdf" | "zip" | "ole";

export const DOCUMENT_TYPES: Record<string, { mimeType: string; signature: Signature; label: string }> = {
  pdf: { mimeType: "application/pdf", signature: "pdf", label: "PDF" },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signature: "zip", label: "Word" },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signature: "zip", label: "Excel" },
  pptx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signature: "zip", label: "PowerPoint" },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", signature: "zip", label: "OpenDocument text" },
  ods: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", signature: "zip", label: "OpenDocument spreadsheet" },
  doc: { mimeType: "application/msword", signature: "ole", label: "Word 97–2003" },
  xls: { mimeType: "application/vnd.ms-excel", signature: "ole", label: "Excel 97–2003" },
};

export const ACCEPTED_EXTENSIONS = Object.keys(DOCUMENT_TYPES).map((e) => `.${e}`).join(",");

function hasSignature(bytes: Uint8Array, signature: Signature): boolean {
  const starts = (prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (signature === "pdf") return starts([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
  if (signature === "zip") return starts([0x50, 0x4b, 0x03, 0x04]);
  return starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** The last part of a name as a browser or a person may send it, without path, control or quoting characters. */
export function safeDocumentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return cleaned.slice(-120) || "document";
}

export type DocumentCheck = { ok: true; fileName: string; mimeType: string } | { ok: false; message: string };

export function checkDocument({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): DocumentCheck {
  const name = safeDocumentName(fileName);
  if (bytes.byteLength === 0) return { ok: false, message: "The selected file is empty" };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, message: "The selected file must be smaller than 10 MB" };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const type = DOCUMENT_TYPES[extension];
  if (!type) return { ok: false, message: "The selected file must be a PDF, Word, Excel, PowerPoint or OpenDocument file" };
  if (!hasSignature(bytes, type.signature)) return { ok: false, message: `The selected file is not a real ${type.label} file` };
  return { ok: true, fileName: name, mimeType: type.mimeType };
}

/** Content-Disposition for a download: an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const safe = safeDocumentName(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
