import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import {
  DECISION_REASONS,
  DECISION_REASON_LABELS,
  PRODUCT_NAME,
  TODO_ACTIONS,
  TODO_ACTION_LABELS,
  type TodoAction,
} from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { areasFor } from '../core/layout/navigation';
import { countText, dayInSweden, formatInteger } from '../shared/format/format';
import { todoLink } from './todo-link';
import { TodoStore } from './todo.store';

/**
 * The start page of every signed-in role: "Att göra", what waits for me, each row linking to
 * where the action is; below it, briefly, what the product is and its areas.
 */
@Component({
  selector: 'lr-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './home.page.html',
  styleUrl: './home.page.css',
})
export class HomePage {
  protected readonly productName = PRODUCT_NAME;
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(TodoStore);
  protected readonly labels = TODO_ACTION_LABELS;
  /** The areas the signed-in roles may use, as in the main navigation. */
  protected readonly areas = computed(() => areasFor(this.auth.roles()));
  protected readonly reasons = DECISION_REASONS.map((code) => ({
    code,
    ...DECISION_REASON_LABELS[code],
  }));
  protected readonly filter = signal<TodoAction | ''>('');

  private readonly rows = computed(() => this.store.state().list?.rows ?? []);

  /** The kinds of action present, in the routine's order, for the filter. */
  protected readonly actions = computed(() => {
    const present = new Set(this.rows().map((row) => row.action));
    return TODO_ACTIONS.filter((action) => present.has(action));
  });

  protected readonly items = computed(() => {
    const roles = this.auth.roles();
    const filter = this.filter();
    return this.rows()
      .filter((row) => !filter || row.action === filter)
      .map((row, index) => ({
        key: `${index}-${row.action}-${row.requestId ?? row.serviceId ?? row.agreementId}`,
        row,
        label: TODO_ACTION_LABELS[row.action],
        since: dayInSweden(row.since),
        link: todoLink(row, roles),
      }));
  });

  protected readonly status = computed(() => {
    const { list, loading } = this.store.state();
    if (!list) return loading ? 'Hämtar …' : '';
    if (list.total === 0) return 'Inget väntar på dig just nu.';
    const shown = this.items().length;
    const all = list.totalCapped
      ? `Mer än ${formatInteger(list.total)} saker väntar på dig`
      : `${countText(list.total, 'sak väntar', 'saker väntar')} på dig`;
    return shown < list.total ? `${all}. Visar ${shown}.` : `${all}.`;
  });

  constructor() {
    void this.store.refresh({ force: true });
  }

  protected choose(event: Event): void {
    this.filter.set((event.target as HTMLSelectElement).value as TodoAction | '');
  }
}
