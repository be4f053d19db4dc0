import type { DocumentFileType } from '@licensregistret/domain';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** ODF puts an uncompressed `mimetype` entry first: its name at byte 30, its content at 38. */
const ODT_HEAD = Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text', 'latin1');
const ODT_HEAD_AT = 30;
/** Entry names are stored uncompressed in every local header and in the central directory. */
const OOXML_CONTENT_TYPES = Buffer.from('[Content_Types].xml', 'latin1');
const DOCX_MAIN = Buffer.from('word/document.xml', 'latin1');
const XLSX_MAIN = Buffer.from('xl/workbook.xml', 'latin1');
const MARKERS = [OOXML_CONTENT_TYPES, DOCX_MAIN, XLSX_MAIN] as const;
const OVERLAP = Math.max(...MARKERS.map((marker) => marker.length)) - 1;
const HEAD_BYTES = ODT_HEAD_AT + ODT_HEAD.length;

/**
 * Tells a document's type from its bytes as they stream past, never from its name. A PDF starts
 * with `%PDF-`. DOCX, XLSX and ODT are all ZIP files: an ODT names its type in its first entry,
 * an Office file has `[Content_Types].xml` and the main part of its kind (`word/document.xml`,
 * `xl/workbook.xml`), whose names stand uncompressed in the ZIP's headers; a ZIP with both or
 * neither main part is none of them. Anything else is refused as soon as its first bytes are in.
 */
export class DocumentSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private readonly seen = new Set<Buffer>();
  private container: 'PDF' | 'ZIP' | 'REFUSED' | null = null;

  /** Whether the bytes so far already rule out every accepted type. */
  get refused(): boolean {
    return this.container === 'REFUSED';
  }

  push(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      this.container ??= this.containerOf(this.head);
    }
    if (this.container !== 'ZIP') return;
    const window = Buffer.concat([this.tail, chunk.subarray(0, OVERLAP)]);
    for (const marker of MARKERS) {
      if (!this.seen.has(marker) && (window.includes(marker) || chunk.includes(marker))) {
        this.seen.add(marker);
      }
    }
    this.tail = Buffer.from(
      chunk.length >= OVERLAP
        ? chunk.subarray(chunk.length - OVERLAP)
        : Buffer.concat([this.tail, chunk]).subarray(-OVERLAP),
    );
  }

  /** The type, once every byte is in; null when it is none of the accepted ones. */
  result(): DocumentFileType | null {
    if (this.container === 'PDF') return 'PDF';
    if (this.container !== 'ZIP') return null;
    if (this.head.subarray(ODT_HEAD_AT).equals(ODT_HEAD)) return 'ODT';
    if (!this.seen.has(OOXML_CONTENT_TYPES)) return null;
    const docx = this.seen.has(DOCX_MAIN);
    const xlsx = this.seen.has(XLSX_MAIN);
    if (docx === xlsx) return null;
    return docx ? 'DOCX' : 'XLSX';
  }

  private containerOf(head: Buffer): DocumentSniffer['container'] {
    if (head.length < ZIP_MAGIC.length) {
      return PDF_MAGIC.subarray(0, head.length).equals(head) ||
        ZIP_MAGIC.subarray(0, head.length).equals(head)
        ? null
        : 'REFUSED';
    }
    if (head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return 'ZIP';
    if (head.length < PDF_MAGIC.length) {
      return PDF_MAGIC.subarray(0, head.length).equals(head) ? null : 'REFUSED';
    }
    return head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC) ? 'PDF' : 'REFUSED';
  }
}
