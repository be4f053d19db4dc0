import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';

import { NETWORK_GROUPS, type NetworkGroup, type UnitWithoutService } from '@licensregistret/domain';

import { countText, formatInteger, schoolFormNames } from '../../shared/format/format';
import { CoverageStore } from './coverage.store';

/**
 * Täckning: which units the services licensed to the whole municipality (or to school forms)
 * reach today, as a table of units × services; and, per service, the units it does not reach.
 */
@Component({
  selector: 'lr-coverage-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CoverageStore],
  templateUrl: './coverage.page.html',
  styleUrl: './coverage.page.css',
})
export class CoveragePage implements OnInit {
  protected readonly store = inject(CoverageStore);

  protected readonly networkGroups = NETWORK_GROUPS;
  protected readonly schoolFormNames = schoolFormNames;
  protected readonly formatInteger = formatInteger;
  /** Services whose list of units without it is open. */
  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected readonly table = computed(() => {
    const state = this.store.matrix();
    if (state.kind !== 'loaded') return null;
    const { services } = state.matrix;
    const units = this.store.units().map((unit) => ({
      ...unit,
      covered: services.map((service) => unit.coveredServiceIds.includes(service.id)),
    }));
    return {
      services,
      units,
      counts: services.map(
        (_, index) => `${units.filter((unit) => unit.covered[index]).length} av ${units.length}`,
      ),
      status: `Visar ${countText(units.length, 'skolenhet', 'skolenheter')} av ${formatInteger(
        state.matrix.units.length,
      )}.`,
    };
  });

  /** The units a service does not reach, as far as they are read (none while loading). */
  protected lackingFor(serviceId: string): {
    kind: 'loading' | 'failed' | 'loaded';
    units: readonly UnitWithoutService[];
  } {
    const state = this.store.lacking().get(serviceId);
    if (!state) return { kind: 'loading', units: [] };
    return state.kind === 'loaded' ? state : { kind: state.kind, units: [] };
  }

  protected lackingCaption(count: number, service: string): string {
    return `${countText(count, 'skolenhet saknar', 'skolenheter saknar')} ${service}`;
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected chooseNetworkGroup(event: Event): void {
    this.store.setNetworkGroup((event.target as HTMLSelectElement).value as NetworkGroup | '');
  }

  protected isOpen(serviceId: string): boolean {
    return this.open().has(serviceId);
  }

  protected toggle(serviceId: string): void {
    const open = new Set(this.open());
    if (open.has(serviceId)) {
      open.delete(serviceId);
    } else {
      open.add(serviceId);
      void this.store.loadLacking(serviceId);
    }
    this.open.set(open);
  }
}
