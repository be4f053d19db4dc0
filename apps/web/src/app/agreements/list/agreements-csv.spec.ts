import { CSV_BOM } from '../../shared/download/csv';
import { testAgreement } from '../agreement.testing';
import { AGREEMENT_CSV_HEADER, agreementsCsv } from './agreements-csv';

function lines(csv: string): string[] {
  return csv.slice(CSV_BOM.length).split('\r\n').filter(Boolean);
}

describe('agreementsCsv', () => {
  it('starts with a byte order mark and a Swedish header row, separated by semicolons', () => {
    const csv = agreementsCsv([]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(lines(csv)).toEqual([AGREEMENT_CSV_HEADER.join(';')]);
    expect(AGREEMENT_CSV_HEADER).toEqual(
      expect.arrayContaining([
        'Avtalsnummer',
        'Tjänster',
        'Leverantör',
        'Status',
        'Slutdatum',
        'Sista dag att säga upp',
        'Dagar kvar',
        'Förlängningar kvar',
        'Årskostnad (kr)',
      ]),
    );
  });

  it('writes one row per agreement, in order, with Swedish words and ISO dates', () => {
    const csv = agreementsCsv([
      testAgreement(),
      testAgreement({
        agreementNumber: 'PL-2025-088',
        supplierName: 'Natur & Kultur (Polylino)',
        services: [
          { id: 's1', name: 'Polylino' },
          { id: 's2', name: 'Polylino Plus' },
        ],
        status: 'ACTION_NEEDED',
        annualCost: 342_500.5,
        renewsAutomatically: true,
        ownerName: null,
      }),
    ]);
    const [header, ne, polylino] = lines(csv).map((line) => line.split(';'));
    const column = (row: string[] | undefined, name: string) => row?.[(header ?? []).indexOf(name)];

    expect(lines(csv)).toHaveLength(3);
    expect(column(ne, 'Avtalsnummer')).toBe('NE-2025-0117');
    expect(column(ne, 'Status')).toBe('Aktivt');
    expect(column(ne, 'Slutdatum')).toBe('2027-12-31');
    expect(column(ne, 'Sista dag att säga upp')).toBe('2027-06-30');
    expect(column(ne, 'Nästa beslut')).toBe('Förlängning');
    expect(column(ne, 'Årskostnad (kr)')).toBe('1245000');
    expect(column(ne, 'Upphandlingsform')).toBe('Avrop på ramavtal');
    expect(column(ne, 'Förnyas automatiskt')).toBe('Nej');

    expect(column(polylino, 'Tjänster')).toBe('Polylino, Polylino Plus');
    expect(column(polylino, 'Status')).toBe('Åtgärd krävs');
    expect(column(polylino, 'Årskostnad (kr)')).toBe('342500,5');
    expect(column(polylino, 'Förnyas automatiskt')).toBe('Ja');
    expect(column(polylino, 'Avtalsansvarig')).toBe('');
  });
});
