import { ApiProperty } from '@nestjs/swagger';

import type { HistoryEntry } from '@licensregistret/domain';

import { ApiDateTime } from '../openapi/formats';

/** One change to a supplier, service, agreement or licence, with the changed fields. */
export class HistoryEntryDto implements HistoryEntry {
  /** The event's running number. */
  id!: string;
  @ApiDateTime()
  occurredAt!: string;
  actorName!: string | null;
  /** `created`, `updated` and the like, as stored. */
  kind!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Each changed field with its old and new value',
    additionalProperties: {
      type: 'object',
      properties: { old: {}, new: {} },
    },
  })
  changes!: Record<string, { old: unknown; new: unknown }> | null;
  /** Why: a lifecycle action's reason. */
  message!: string | null;
}
