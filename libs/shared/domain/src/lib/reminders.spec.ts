import { REQUEST_WAITING_STATES, dueStep, withInternalLead } from './reminders';
import { OPEN_REQUEST_STATES } from './request-routine';

describe('REQUEST_WAITING_STATES', () => {
  it('are the open states but QUEUED: a queued request waits for the joint assessment by design', () => {
    expect(REQUEST_WAITING_STATES).toEqual(['SUBMITTED', 'IN_TRIAGE', 'NEEDS_INFO', 'IN_REVIEW']);
    expect(OPEN_REQUEST_STATES.filter((state) => !REQUEST_WAITING_STATES.includes(state))).toEqual([
      'QUEUED',
    ]);
  });
});

describe('dueStep', () => {
  const steps = [120, 60, 30];

  it('fires each step on its own day, not the day before', () => {
    expect(dueStep('2027-05-31', '2027-01-30', steps)).toBeNull();
    expect(dueStep('2027-05-31', '2027-01-31', steps)).toBe(120);
    expect(dueStep('2027-05-31', '2027-03-31', steps)).toBe(120);
    expect(dueStep('2027-05-31', '2027-04-01', steps)).toBe(60);
    expect(dueStep('2027-05-31', '2027-04-30', steps)).toBe(60);
    expect(dueStep('2027-05-31', '2027-05-01', steps)).toBe(30);
  });

  it('sends only the most urgent step after days without a scan, and nothing after the deadline', () => {
    expect(dueStep('2027-05-31', '2027-05-20', steps)).toBe(30);
    expect(dueStep('2027-05-31', '2027-05-31', steps)).toBe(30);
    expect(dueStep('2027-05-31', '2027-06-01', steps)).toBeNull();
  });

  it('counts across a leap day', () => {
    expect(dueStep('2028-03-30', '2028-02-29', [30])).toBe(30);
    expect(dueStep('2028-03-30', '2028-02-28', [30])).toBeNull();
  });

  it('has no step without lead times', () => {
    expect(dueStep('2027-05-31', '2027-05-31', [])).toBeNull();
  });
});

describe('withInternalLead', () => {
  it('adds the agreement’s own lead time once, largest first', () => {
    expect(withInternalLead([120, 60, 30], 45)).toEqual([120, 60, 45, 30]);
    expect(withInternalLead([120, 60, 30], 60)).toEqual([120, 60, 30]);
  });
});
