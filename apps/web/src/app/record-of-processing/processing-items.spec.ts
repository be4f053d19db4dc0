import { processingItems } from './processing-items';
import { testProcessing } from './record-of-processing.testing';

const asMap = (items: ReturnType<typeof processingItems>) =>
  Object.fromEntries(items.map((item) => [item.term, item.value]));

describe('processingItems', () => {
  it('shows the approval’s conditions, and says when the review wrote no purpose', () => {
    const items = asMap(
      processingItems(testProcessing({ purpose: ' ', conditions: 'Endast med skolkonto.' })),
    );
    expect(items['Ändamål']).toBe('Inte angivet i dataskyddsgranskningen');
    expect(items['Villkor']).toBe('Endast med skolkonto.');
  });

  it('words what art. 30 asks for in Swedish, purpose first', () => {
    const items = processingItems(testProcessing());
    expect(items[0]).toEqual({
      term: 'Ändamål',
      value: 'Läromedel i alla ämnen och en kunskapstjänst för grundskolan.',
    });
    expect(asMap(items)).toMatchObject({
      Villkor: 'Inga villkor',
      'Leverantör (personuppgiftsbiträde)': 'NE Nationalencyklopedin AB (556172-2318)',
      'Kategorier av personuppgifter': ['Namn och identitet', 'Användning och loggar'],
      'Kategorier av registrerade': ['Elever', 'Personal'],
      'Rättslig grund': 'Uppgift av allmänt intresse',
      Personuppgiftsbiträdesavtal:
        'Undertecknat enligt granskningen. Avtal NE-2024-117: undertecknat 2024-06-10',
      Underbiträden: ['Amazon Web Services EMEA SARL'],
      Lagringsplats: 'Inom EU/EES',
      'Överföring till tredje land': 'Ingen',
      'Lagringstid och gallring': 'Gallras när eleven slutar i kommunens skolor.',
      Konsekvensbedömning: ['Inte gjord', 'Kriterium: Sårbara registrerade (t.ex. barn)'],
      Dataskyddsgranskning:
        'Godkänd 2026-01-15 av Dana Dataskydd; giltig, görs om senast 2027-01-15',
    });
  });

  it('says what is missing rather than leaving a term empty', () => {
    const items = asMap(
      processingItems(
        testProcessing({
          purpose: ' ',
          legalBasis: null,
          dataCategories: [],
          subProcessors: [],
          retention: '',
          agreements: [
            {
              agreementId: 'a-1',
              agreementNumber: 'AV-1',
              signed: false,
              signedOn: null,
              subProcessors: [],
            },
          ],
          dataProcessingAgreementSigned: false,
        }),
      ),
    );
    expect(items['Ändamål']).toBe('Inte angivet i dataskyddsgranskningen');
    expect(items['Rättslig grund']).toBe('Inte angiven');
    expect(items['Kategorier av personuppgifter']).toBe('Inte angivna');
    expect(items['Underbiträden']).toBe('Inga');
    expect(items['Lagringstid och gallring']).toBe('Inte angiven');
    expect(items['Personuppgiftsbiträdesavtal']).toBe(
      'Inte undertecknat enligt granskningen. Avtal AV-1: inte undertecknat',
    );
  });
});
