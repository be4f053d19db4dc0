import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { type Params, RouterLink } from '@angular/router';

import { type DemandGroup, OPEN_REQUEST_STATES } from '@licensregistret/domain';

import { countText, dayInSweden, formatInteger } from '../../shared/format/format';
import { DECISION_PATHS, QUEUE_PARAMS, requestParams } from '../decision-paths';
import { DemandStore } from './demand.store';

interface DemandRow {
  key: string;
  tool: string;
  isNew: boolean;
  requests: string;
  units: string;
  pupils: string;
  oldest: string;
  /** The queue filtered to the service; null for a tool not in the registry yet. */
  queueParams: Params | null;
  linkText: string;
  /** A proposed new tool cannot be filtered by service: a link to each of its requests. */
  requestLinks: { params: Params; text: string }[];
}

function row(group: DemandGroup): DemandRow {
  const requests = countText(group.requestCount, 'begäran', 'begäranden');
  return {
    key: group.serviceId ?? `new:${group.toolName}`,
    tool: group.toolName,
    isNew: group.serviceId === null,
    requests,
    units: formatInteger(group.unitCount),
    pupils: formatInteger(group.pupilCount),
    oldest: dayInSweden(group.oldestSubmittedAt),
    queueParams: group.serviceId
      ? {
          [QUEUE_PARAMS.service]: group.serviceId,
          [QUEUE_PARAMS.states]: OPEN_REQUEST_STATES.join(','),
        }
      : null,
    linkText: `Visa ${requests} för ${group.toolName} i kön`,
    requestLinks:
      group.serviceId === null
        ? group.requestIds.map((id, index) => ({
            params: requestParams(id),
            text: `Öppna begäran ${index + 1} av ${group.requestIds.length} om ${group.toolName}`,
          }))
        : [],
  };
}

/** Demand (`/beslut/efterfragan`): the open requests grouped by tool, to decide once for all. */
@Component({
  selector: 'lr-demand-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [DemandStore],
  templateUrl: './demand.page.html',
  styleUrl: './demand.page.css',
})
export class DemandPage implements OnInit {
  private readonly store = inject(DemandStore);

  protected readonly queuePath = DECISION_PATHS.queue;
  protected readonly state = this.store.state;
  protected readonly rows = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.groups.map(row) : [];
  });

  ngOnInit(): Promise<void> {
    return this.store.load();
  }

  protected retry(): Promise<void> {
    return this.store.load();
  }
}
