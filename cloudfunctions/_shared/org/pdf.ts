// Opening a PDF: the only code that loads pdfkit. Every document is A4 with the embedded CJK font in
// two weights ('regular', 'bold'), so Chinese is real text, never images.

/** Paths to the TTF/OTF files shipped with the function. */
export interface PdfFonts {
  regular: string
  bold: string
}

/**
 * A new A4 document titled `title` for `author`, its fonts registered, and a promise of its bytes
 * once `doc.end()` is called. pdfkit is loaded on first use, so a function's start does not pay for it.
 */
export async function openPdf(
  opts: { title: string; author: string; margin: number; autoFirstPage?: boolean },
  fonts: PdfFonts,
): Promise<{ doc: PDFKit.PDFDocument; bytes: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit')
  // font: null — pdfkit's default Helvetica reads files that a bundled function does not ship.
  const doc = new PDFDocument({
    size: 'A4',
    margin: opts.margin,
    autoFirstPage: opts.autoFirstPage ?? true,
    font: null as unknown as string,
    info: { Title: opts.title, Creator: '啄木鸟', Author: opts.author },
  })
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, bytes }
}
