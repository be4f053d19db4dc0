import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

import { REQUEST_ROUTINE, type RequestMove } from '@licensregistret/domain';

/** The buttons' moves, in this order; an answer has its own form. */
const BUTTON_MOVES: readonly RequestMove[] = ['ENDORSE', 'DECLINE', 'SUBMIT', 'WITHDRAW'];

/** Moves that are not the page's main step: a quieter button. */
const SECONDARY_MOVES: readonly RequestMove[] = ['DECLINE', 'WITHDRAW'];

/**
 * The school's buttons for the moves the API says are possible now: Tillstyrk, Avstyrk, Skicka
 * in, Återta. Withdrawing cannot be undone, so it asks first; declining opens the page's form.
 */
@Component({
  selector: 'lr-request-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (buttons().length > 0) {
      <div class="actions">
        @for (button of buttons(); track button.move) {
          @if (button.move === 'WITHDRAW') {
            @if (!confirming()) {
              <button
                #withdraw
                type="button"
                class="button button-secondary"
                [attr.aria-disabled]="busy() !== null || null"
                (click)="askToWithdraw()"
              >
                {{ button.label }}
              </button>
            }
          } @else {
            <button
              type="button"
              class="button"
              [class.button-secondary]="button.secondary"
              [attr.data-move]="button.move"
              [attr.aria-disabled]="busy() !== null || null"
              (click)="make(button.move)"
            >
              {{ busy() === button.move ? 'Skickar …' : button.label }}
            </button>
          }
        }
      </div>
      @if (confirming()) {
        <div class="confirm" role="group" aria-labelledby="withdraw-question">
          <p id="withdraw-question">
            Vill du återta begäran? Det går inte att ångra. Behövs verktyget senare gör du en ny
            begäran.
          </p>
          <div class="actions">
            <button #confirm type="button" class="button" (click)="make('WITHDRAW')">
              {{ busy() === 'WITHDRAW' ? 'Återtar …' : 'Ja, återta begäran' }}
            </button>
            <button type="button" class="button button-secondary" (click)="cancel()">Avbryt</button>
          </div>
        </div>
      }
    }
  `,
  styles: `
    .actions {
      margin-top: 0.75rem;
    }
    .confirm {
      border: 2px solid var(--lr-danger);
      border-radius: 0.25rem;
      padding: 0.75rem 1rem;
      margin-top: 1rem;
      max-width: 40rem;
    }
    .confirm p {
      margin: 0;
    }
  `,
})
export class RequestActions {
  private readonly injector = inject(Injector);

  readonly moves = input.required<readonly RequestMove[]>();
  /** The move on its way, if any: the buttons wait for it. */
  readonly busy = input<RequestMove | 'EDIT' | null>(null);
  readonly move = output<RequestMove>();

  protected readonly confirming = signal(false);
  private readonly withdrawButton = viewChild<ElementRef<HTMLButtonElement>>('withdraw');
  private readonly confirmButton = viewChild<ElementRef<HTMLButtonElement>>('confirm');

  protected readonly buttons = computed(() =>
    BUTTON_MOVES.filter((move) => this.moves().includes(move)).map((move) => ({
      move,
      label: REQUEST_ROUTINE[move].label,
      secondary: SECONDARY_MOVES.includes(move),
    })),
  );

  protected make(move: RequestMove): void {
    if (this.busy() !== null) return;
    this.move.emit(move);
  }

  protected askToWithdraw(): void {
    if (this.busy() !== null) return;
    this.confirming.set(true);
    this.focusAfterRender(() => this.confirmButton());
  }

  protected cancel(): void {
    this.confirming.set(false);
    this.focusAfterRender(() => this.withdrawButton());
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
