import type { TodoItem } from '@licensregistret/domain';

import { todoLink } from './todo-link';

const none: Pick<TodoItem, 'action' | 'requestId' | 'serviceId' | 'reviewKind' | 'agreementId'> = {
  action: 'TRIAGE',
  requestId: null,
  serviceId: null,
  reviewKind: null,
  agreementId: null,
};

describe('todoLink', () => {
  it('leads the school to the request’s page, the routine to its decision panel', () => {
    const item = { ...none, requestId: 'r-1' };
    expect(todoLink(item, ['PRINCIPAL'])).toEqual({
      commands: ['/begaranden', 'r-1'],
      queryParams: {},
    });
    expect(todoLink(item, ['OBJECT_MANAGER'])).toEqual({
      commands: ['/beslut'],
      queryParams: { begaran: 'r-1' },
    });
  });

  it('leads a reviewer to their review form, and procurement to an agreement', () => {
    expect(
      todoLink({ ...none, serviceId: 's-1', reviewKind: 'INFORMATION_SECURITY' }, [
        'INFORMATION_SECURITY',
      ]),
    ).toEqual({ commands: ['/beslut/granskning', 's-1', 'informationssakerhet'], queryParams: {} });
    expect(todoLink({ ...none, agreementId: 'a-1' }, ['PROCUREMENT'])).toEqual({
      commands: ['/', 'avtal', 'a-1'],
      queryParams: {},
    });
  });

  it('leads procurement from an approved request to "Licensiera", others to the request', () => {
    const item = { ...none, action: 'IMPLEMENT' as const, requestId: 'r-1' };
    expect(todoLink(item, ['PROCUREMENT'])).toEqual({
      commands: ['/avtal/licensiera/r-1'],
      queryParams: {},
    });
    expect(todoLink(item, ['OBJECT_SPECIALIST'])).toEqual({
      commands: ['/beslut'],
      queryParams: { begaran: 'r-1' },
    });
  });

  it('links nowhere when the person may not open the place', () => {
    expect(todoLink({ ...none, agreementId: 'a-1' }, ['REQUESTER'])).toBeNull();
    expect(todoLink(none, ['ADMIN'])).toBeNull();
  });
});
