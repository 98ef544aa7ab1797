declare module "svg-to-pdfkit" {
  type Options = { width?: number; height?: number; preserveAspectRatio?: string; useCSS?: boolean; assumePt?: boolean; warningCallback?: (message: string) => void };
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: Options): void;
}
