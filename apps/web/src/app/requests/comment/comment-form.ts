import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  computed,
  input,
  model,
  output,
  viewChild,
} from '@angular/core';

import { type FormErrors, NO_ERRORS } from '../../shared/forms/form-errors';
import { COMMENT_MAX_LENGTH } from './comment';

/**
 * A comment on a request, under its history. The text is the parent's (two-way `text`), so it
 * can empty the field once the comment is saved; the status line says what happened. A refused
 * comment takes the focus to the field, or to the message when it is not about the text.
 */
@Component({
  selector: 'lr-comment-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="comment-form" (submit)="submit($event)" novalidate>
      @if (general().length > 0) {
        <div #generalError class="error-summary" role="alert" tabindex="-1">
          <ul>
            @for (message of general(); track $index) {
              <li>{{ message }}</li>
            }
          </ul>
        </div>
      }
      <div class="field">
        <label for="comment-text">Kommentar</label>
        <span class="hint" id="comment-text-hint">{{ hint() }}</span>
        @if (fieldError(); as message) {
          <span class="field-error" id="comment-text-error">{{ message }}</span>
        }
        <textarea
          #field
          id="comment-text"
          rows="3"
          [attr.maxlength]="maxLength"
          [value]="text()"
          [attr.aria-invalid]="!!fieldError() || null"
          [attr.aria-describedby]="
            fieldError() ? 'comment-text-hint comment-text-error' : 'comment-text-hint'
          "
          (input)="type($event)"
        ></textarea>
      </div>
      <button class="button" type="submit" [attr.aria-disabled]="busy() || null">
        Lägg till kommentar
      </button>
      <p class="comment-status" role="status">{{ busy() ? 'Sparar kommentaren …' : status() }}</p>
    </form>
  `,
  styles: `
    .comment-form {
      max-width: 48rem;
    }
    textarea {
      width: 100%;
    }
    .comment-status {
      min-height: 1.5rem;
      margin: 0.5rem 0 0;
    }
    .error-summary ul {
      margin: 0;
    }
  `,
})
export class CommentForm {
  /** The comment being written; the parent empties it once the comment is saved. */
  readonly text = model('');
  readonly busy = input(false);
  readonly errors = input<FormErrors>(NO_ERRORS);
  /** What the last comment led to, said in the status line. */
  readonly status = input('');
  readonly hint = input('Kommentaren sparas i begärans historik.');
  readonly send = output<string>();

  protected readonly maxLength = COMMENT_MAX_LENGTH;
  protected readonly fieldError = computed(() => this.errors().fields['text']?.join(' ') ?? null);
  protected readonly general = computed(() => this.errors().general);

  private readonly field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');
  private readonly generalError = viewChild<ElementRef<HTMLElement>>('generalError');

  constructor() {
    // A refused comment takes the person to what went wrong, after every refusal.
    afterRenderEffect(() => {
      const errors = this.errors();
      if (errors.fields['text']?.length) this.field().nativeElement.focus();
      else if (errors.general.length > 0) this.generalError()?.nativeElement.focus();
    });
  }

  protected type(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.send.emit(this.text());
  }
}
