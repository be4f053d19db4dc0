import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  computed,
  input,
  viewChild,
} from '@angular/core';

import type { FormErrors } from './form-errors';

interface SummaryItem {
  message: string;
  /** Id of the control to move to, for a field's message. */
  target: string | null;
}

/**
 * The list of what to correct, at the top of a form. It is an alert and takes focus when it
 * appears, and each field's message moves focus to that field.
 */
@Component({
  selector: 'lr-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0) {
      <div class="error-summary" role="alert" tabindex="-1" #summary>
        <h2>{{ heading() }}</h2>
        <ul>
          @for (item of items(); track $index) {
            <li>
              @if (item.target; as target) {
                <a [href]="'#' + target" (click)="focusField($event, target)">{{ item.message }}</a>
              } @else {
                {{ item.message }}
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
})
export class ErrorSummary {
  readonly errors = input.required<FormErrors>();
  /** The control id for each field name; fields not listed are shown without a link. */
  readonly fieldIds = input<Record<string, string>>({});
  readonly heading = input('Uppgifterna kunde inte sparas');

  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly items = computed<SummaryItem[]>(() => {
    const { fields, general } = this.errors();
    const ids = this.fieldIds();
    return [
      ...general.map((message) => ({ message, target: null })),
      ...Object.entries(fields).flatMap(([field, messages]) =>
        (messages ?? []).map((message) => ({ message, target: ids[field] ?? null })),
      ),
    ];
  });

  constructor() {
    // Again after every failed save, not only when the summary first appears.
    afterRenderEffect(() => {
      this.items();
      this.summary()?.nativeElement.focus();
    });
  }

  protected focusField(event: Event, id: string): void {
    // The page's <base href> would turn "#id" into a link to the start page.
    event.preventDefault();
    const field = document.getElementById(id);
    field?.scrollIntoView?.({ block: 'center' });
    field?.focus();
  }
}
