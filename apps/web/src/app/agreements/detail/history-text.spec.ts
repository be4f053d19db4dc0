import type { HistoryEntry } from '@licensregistret/domain';

import { agreementValueText, historyItems } from './history-text';

const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

describe('historyItems', () => {
  it('lists a change of terms with Swedish field names, old and new values', () => {
    const entry: HistoryEntry = {
      id: '7',
      occurredAt: '2026-03-14T08:05:00.000Z',
      actorName: 'Ulla Upphandlare',
      message: null,
      kind: 'updated',
      changes: {
        endsOn: { old: '2026-06-30', new: '2027-06-30' },
        renewsAutomatically: { old: false, new: true },
        procurementRoute: { old: 'DIRECT_AWARD', new: 'FRAMEWORK' },
        frameworkName: { old: null, new: 'Adda 2023' },
      },
    };

    const [item] = historyItems([entry]);

    expect(item).toMatchObject({
      when: '2026-03-14 09:05',
      who: 'Ulla Upphandlare',
      what: 'Avtalet ändrades',
    });
    expect(item?.changes).toEqual([
      { field: 'endsOn', label: 'Slutdatum', from: '2026-06-30', to: '2027-06-30' },
      { field: 'renewsAutomatically', label: 'Förnyas automatiskt', from: 'Nej', to: 'Ja' },
      {
        field: 'procurementRoute',
        label: 'Upphandlingsform',
        from: 'Direktupphandling',
        to: 'Avrop på ramavtal',
      },
      { field: 'frameworkName', label: 'Ramavtal', from: '(tomt)', to: 'Adda 2023' },
    ]);
  });

  it('names a changed reference without showing its id', () => {
    const [item] = historyItems([
      {
        id: '8',
        occurredAt: '2026-03-14T08:05:00.000Z',
        actorName: null,
        message: null,
        kind: 'updated',
        changes: { ownerId: { old: 'a', new: 'b' } },
      },
    ]);
    expect(item?.who).toBe('Okänd användare');
    expect(item?.changes).toEqual([{ field: 'ownerId', label: 'Avtalsansvarig' }]);
  });

  it('lists the terms a new agreement was registered with, leaving out empty ones', () => {
    const [item] = historyItems([
      {
        id: '1',
        occurredAt: '2026-01-02T10:00:00.000Z',
        actorName: 'Ulla Upphandlare',
        message: null,
        kind: 'created',
        changes: {
          supplierId: { old: null, new: 's1' },
          agreementNumber: { old: null, new: 'NE-2025-0117' },
          annualCost: { old: null, new: 1_245_000 },
          callOffReference: { old: null, new: null },
        },
      },
    ]);
    expect(item?.what).toBe('Avtalet registrerades');
    expect(item?.changes.map((change) => [change.label, plain(change.to), change.from])).toEqual([
      ['Avtalsnummer', 'NE-2025-0117', undefined],
      ['Årskostnad', '1 245 000 kr', undefined],
    ]);
  });
});

describe('agreementValueText', () => {
  it('puts composite terms in words', () => {
    expect(agreementValueText('scopeSchoolForms', [])).toBe('Alla skolformer');
    expect(
      agreementValueText('dataProcessingAgreement', {
        signed: true,
        signedOn: '2025-01-10',
        subProcessors: ['Hetzner Online GmbH'],
      }),
    ).toBe('Undertecknat 2025-01-10; underbiträden: Hetzner Online GmbH');
    expect(agreementValueText('documents', [{ title: 'Avtal', url: 'https://x.example' }])).toBe(
      'Avtal',
    );
    expect(agreementValueText('costModel', 'PER_PUPIL')).toBe('Per elev');
    expect(agreementValueText('noticePeriodMonths', 3)).toBe('3 månader');
  });

  it('names the lifecycle actions in Swedish, with why and what they recorded', () => {
    const at = '2026-03-14T08:05:00.000Z';
    const items = historyItems([
      {
        id: '20',
        occurredAt: at,
        actorName: 'Ulla Upphandlare',
        message: ' Ersätts av nytt avrop ',
        kind: 'GIVE_NOTICE',
        changes: {
          terminatedOn: { old: null, new: '2026-03-14' },
          noticeCaseNumber: { old: null, new: 'Bou 2026/77' },
        },
      },
      {
        id: '21',
        occurredAt: at,
        actorName: 'Ulla Upphandlare',
        message: 'Förnyas',
        kind: 'REGISTER_SUCCESSOR',
        changes: { followedById: { old: null, new: 'a2' } },
      },
      {
        id: '22',
        occurredAt: at,
        actorName: 'Ulla Upphandlare',
        message: 'Förnyas',
        kind: 'REGISTER_SUCCESSOR',
        changes: { followsId: { old: null, new: 'a1' } },
      },
      ...(['USE_EXTENSION', 'DECLINE_EXTENSION', 'END_EARLY'] as const).map((kind, index) => ({
        id: String(23 + index),
        occurredAt: at,
        actorName: null,
        message: null,
        kind,
        changes: {},
      })),
    ]);
    expect(items.map((item) => [item.what, item.why])).toEqual([
      ['Avtalet sades upp', 'Ersätts av nytt avrop'],
      ['Efterföljande avtal registrerades', 'Förnyas'],
      ['Avtalet registrerades som efterföljare till ett tidigare avtal', 'Förnyas'],
      ['En förlängningsoption utnyttjades', null],
      ['Förlängning avstods', null],
      ['Avtalet avslutades i förtid', null],
    ]);
    expect(items[0]?.changes).toEqual([
      { field: 'terminatedOn', label: 'Uppsagt', from: '(tomt)', to: '2026-03-14' },
      {
        field: 'noticeCaseNumber',
        label: 'Uppsägningens diarienummer',
        from: '(tomt)',
        to: 'Bou 2026/77',
      },
    ]);
    expect(items[1]?.changes).toEqual([{ field: 'followedById', label: 'Följs av' }]);
  });
});
