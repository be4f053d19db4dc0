import {
  docxFile,
  exeFile,
  odtFile,
  pdfFile,
  plainZipFile,
  xlsxFile,
} from '../../test/document-files';
import { DocumentSniffer } from './document-sniffer';

/** Feeds the bytes in pieces of `size`, as a stream would. */
function sniff(bytes: Buffer, size = bytes.length) {
  const sniffer = new DocumentSniffer();
  for (let start = 0; start < bytes.length; start += size) {
    sniffer.push(bytes.subarray(start, start + size));
  }
  return { refused: sniffer.refused, type: sniffer.result() };
}

describe('DocumentSniffer', () => {
  it('tells PDF, DOCX, XLSX and ODT apart by their bytes, however they are split', async () => {
    const files: [Buffer, string][] = [
      [pdfFile(), 'PDF'],
      [await docxFile(), 'DOCX'],
      [await xlsxFile(), 'XLSX'],
      [await odtFile(), 'ODT'],
    ];
    for (const [bytes, type] of files) {
      for (const size of [1, 3, 7, 64, bytes.length]) {
        expect({ size, ...sniff(bytes, size) }).toEqual({ size, refused: false, type });
      }
    }
  });

  it('refuses a program at its first bytes, and a ZIP of no document type at the end', async () => {
    const sniffer = new DocumentSniffer();
    sniffer.push(exeFile().subarray(0, 2));
    expect(sniffer.refused).toBe(true);
    expect(sniff(await plainZipFile())).toEqual({ refused: false, type: null });
    expect(sniff(Buffer.from('%PD'))).toEqual({ refused: false, type: null });
    expect(sniff(Buffer.from('<html>%PDF-'))).toEqual({ refused: true, type: null });
  });

  it('refuses an Office ZIP holding both a document and a workbook', async () => {
    const docx = await docxFile();
    expect(sniff(Buffer.concat([docx, Buffer.from('xl/workbook.xml')])).type).toBeNull();
  });
});
