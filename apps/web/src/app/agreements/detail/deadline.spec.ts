import { testAgreement } from '../agreement.testing';
import { deadlineView } from './deadline';

const today = '2026-05-01';

describe('deadlineView', () => {
  it('names an extension decision ahead, and when action starts', () => {
    const agreement = testAgreement({
      nextDeadline: { kind: 'EXTENSION', date: '2026-06-10', actionFrom: '2026-04-11' },
    });
    expect(deadlineView(agreement, today)).toEqual({
      kind: 'next',
      label: 'Förlängning',
      date: '2026-06-10',
      actionFrom: '2026-04-11',
    });
  });

  it('names the notice deadline of an agreement that renews by itself', () => {
    const agreement = testAgreement({
      renewsAutomatically: true,
      nextDeadline: { kind: 'NOTICE', date: '2026-05-01', actionFrom: '2026-03-02' },
    });
    expect(deadlineView(agreement, today)).toMatchObject({ kind: 'next', label: 'Uppsägning' });
  });

  it('says renewal is certain once the last day to give notice has passed', () => {
    const agreement = testAgreement({
      status: 'NOTICE_WINDOW_PASSED',
      renewsAutomatically: true,
      nextDeadline: { kind: 'NOTICE', date: '2026-04-30', actionFrom: '2026-03-01' },
    });
    expect(deadlineView(agreement, today)).toEqual({
      kind: 'note',
      text: 'Sista dagen att säga upp har passerat: avtalet förnyas automatiskt.',
    });
  });

  it('asks for no notice on an agreement that ends by itself', () => {
    const agreement = testAgreement({
      status: 'EXPIRING',
      renewsAutomatically: false,
      nextDeadline: { kind: 'NOTICE', date: '2026-06-30', actionFrom: '2026-05-31' },
    });
    expect(deadlineView(agreement, today)).toMatchObject({ kind: 'note' });
    expect(JSON.stringify(deadlineView(agreement, today))).toContain('behöver inte sägas upp');
  });

  it('has no decision left on an ended agreement', () => {
    expect(
      deadlineView(testAgreement({ status: 'TERMINATED', terminatedOn: '2026-02-01' }), today),
    ).toEqual({
      kind: 'note',
      text: 'Avtalet är uppsagt sedan 2026-02-01. Inget beslut återstår.',
    });
    expect(deadlineView(testAgreement({ status: 'EXPIRED' }), today)).toMatchObject({
      kind: 'note',
    });
  });
});
