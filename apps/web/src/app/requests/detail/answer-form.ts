import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

import { REQUEST_ROUTINE } from '@licensregistret/domain';

/** The specialist's open question, and the school's answer to it. */
@Component({
  selector: 'lr-answer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="question" aria-labelledby="question-heading">
      <h2 id="question-heading">Fråga till skolenheten</h2>
      <p class="text">{{ question() }}</p>
      @if (canAnswer()) {
        <form (submit)="send($event)" novalidate>
          <div class="field">
            <label for="answer-text">Ditt svar</label>
            <span class="hint" id="answer-text-hint"
              >Svaret går till objektspecialisten och sparas i begärans historik.</span
            >
            @if (error(); as message) {
              <span class="field-error" id="answer-text-error">{{ message }}</span>
            }
            <textarea
              #answer
              id="answer-text"
              rows="4"
              maxlength="4000"
              [value]="text()"
              [attr.aria-invalid]="!!error() || null"
              [attr.aria-describedby]="
                error() ? 'answer-text-hint answer-text-error' : 'answer-text-hint'
              "
              (input)="type($event)"
            ></textarea>
          </div>
          <button class="button" type="submit" [attr.aria-disabled]="busy() || null">
            {{ busy() ? 'Skickar …' : label }}
          </button>
        </form>
      }
    </section>
  `,
  styles: `
    .question {
      border: 2px solid #6b4d00;
      border-left-width: 0.5rem;
      border-radius: 0.25rem;
      background: #fff8dc;
      padding: 0.75rem 1rem;
      margin-bottom: 1.5rem;
      max-width: 48rem;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    .text {
      white-space: pre-line;
    }
    textarea {
      width: 100%;
    }
  `,
})
export class AnswerForm {
  readonly question = input.required<string>();
  /** Whether the caller may answer (ANSWER is among the available moves). */
  readonly canAnswer = input(false);
  readonly busy = input(false);
  /** Why the answer was refused, shown at the field. */
  readonly error = input<string | null>(null);
  readonly answer = output<string>();

  protected readonly label = REQUEST_ROUTINE.ANSWER.label;
  protected readonly text = signal('');
  private readonly field = viewChild<ElementRef<HTMLTextAreaElement>>('answer');

  constructor() {
    // A refused answer takes the person back to the field.
    afterRenderEffect(() => {
      if (this.error()) this.field()?.nativeElement.focus();
    });
  }

  protected type(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.answer.emit(this.text());
  }
}
