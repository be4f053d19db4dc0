import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  input,
  output,
  viewChild,
} from '@angular/core';

import type { StaleChange } from './stale-version';

/**
 * Shown when a save is refused because someone else saved first (409): what they changed, field
 * by field, and the two ways on: redo my edit on their version, or drop it. Takes focus.
 */
@Component({
  selector: 'lr-stale-version-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="error-summary stale-version"
      role="alert"
      tabindex="-1"
      aria-labelledby="stale-version-heading"
      #panel
    >
      <h2 id="stale-version-heading">Någon annan har ändrat uppgifterna medan du arbetade</h2>
      <p>Din ändring är inte sparad.</p>
      @if (changes().length === 0) {
        <p>De har sparat om {{ subject() }} utan att ändra något av det formuläret visar.</p>
      } @else {
        <table class="data-table">
          <caption>
            Det här har ändrats sedan du öppnade
            {{
              subject()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Uppgift</th>
              <th scope="col">När du öppnade</th>
              <th scope="col">Nu</th>
            </tr>
          </thead>
          <tbody>
            @for (change of changes(); track change.field) {
              <tr>
                <th scope="row">{{ change.label }}</th>
                <td>{{ change.before }}</td>
                <td>{{ change.now }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      <div class="actions">
        <button class="button" type="button" (click)="redo.emit()">
          Gör om min ändring på den nya versionen
        </button>
        <button class="button button-secondary" type="button" (click)="discard.emit()">
          Släng min ändring och visa den nya versionen
        </button>
      </div>
    </section>
  `,
})
export class StaleVersionPanel {
  readonly changes = input.required<readonly StaleChange[]>();
  /** What was changed, as in "sedan du öppnade avtalet". */
  readonly subject = input('uppgifterna');
  readonly redo = output();
  readonly discard = output();

  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  constructor() {
    afterRenderEffect(() => {
      this.changes();
      this.panel()?.nativeElement.focus();
    });
  }
}
