import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterNextRender,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

import { REQUEST_ROUTINE } from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import type { FormErrors } from '../../shared/forms/form-errors';

/**
 * The principal's decline (avstyrkan): why, in words the requester reads. The heading takes the
 * focus when the form opens; a refusal is summarised at the top and said at the field.
 */
@Component({
  selector: 'lr-decline-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  template: `
    <form class="decline" (submit)="send($event)" novalidate aria-labelledby="decline-heading">
      <h3 id="decline-heading" tabindex="-1" #heading>Avstyrk begäran</h3>
      <lr-error-summary
        [errors]="summary()"
        [fieldIds]="{ text: 'decline-text' }"
        heading="Begäran kunde inte avstyrkas"
      />
      <div class="field">
        <label for="decline-text">Varför avstyrker du?</label>
        <span class="hint" id="decline-text-hint"
          >Beställaren läser skälet och kan ändra begäran. Du får den sedan för tillstyrkan
          igen.</span
        >
        @if (error(); as message) {
          <span class="field-error" id="decline-text-error">{{ message }}</span>
        }
        <textarea
          id="decline-text"
          rows="4"
          maxlength="4000"
          [value]="text()"
          [attr.aria-invalid]="!!error() || null"
          [attr.aria-describedby]="
            error() ? 'decline-text-hint decline-text-error' : 'decline-text-hint'
          "
          (input)="type($event)"
        ></textarea>
      </div>
      <div class="actions">
        <button class="button" type="submit" [attr.aria-disabled]="busy() || null">
          {{ busy() ? 'Skickar …' : label }}
        </button>
        <button class="button button-secondary" type="button" (click)="cancelled.emit()">
          Avbryt
        </button>
      </div>
    </form>
  `,
  styles: `
    .decline {
      border: 2px solid var(--lr-danger);
      border-radius: 0.25rem;
      padding: 0.75rem 1rem;
      margin-top: 1rem;
      max-width: 40rem;
    }
    h3 {
      font-size: 1.125rem;
      margin: 0 0 0.5rem;
    }
    textarea {
      width: 100%;
    }
  `,
})
export class DeclineForm {
  readonly busy = input(false);
  /** Why the decline was refused, shown at the field and in the summary. */
  readonly error = input<string | null>(null);
  readonly decline = output<string>();
  readonly cancelled = output<void>();

  protected readonly label = `${REQUEST_ROUTINE.DECLINE.label} begäran`;
  protected readonly text = signal('');
  protected readonly summary = computed<FormErrors>(() => {
    const error = this.error();
    return { fields: error ? { text: [error] } : {}, general: [] };
  });
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected type(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.decline.emit(this.text());
  }
}
