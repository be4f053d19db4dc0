import type { PublicService } from '@licensregistret/domain';

/** A service on the public list, for tests: NE, approved. */
export function testPublicService(overrides: Partial<PublicService> = {}): PublicService {
  return {
    id: 'svc-ne',
    name: 'NE',
    supplierName: 'NE Nationalencyklopedin AB',
    category: 'LEARNING_MATERIAL',
    schoolForms: ['GR'],
    status: 'APPROVED',
    decidedOn: '2025-01-10',
    publicConditions: '',
    rejectionReasons: [],
    ...overrides,
  };
}
