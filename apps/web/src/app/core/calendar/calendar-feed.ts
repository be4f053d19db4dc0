import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  inject,
  viewChild,
} from '@angular/core';

import { formatDateTime } from '../../shared/format/format';
import { CalendarFeedStore } from './calendar-feed.store';

/**
 * Kalender med dina tidsfrister: a secret address for Outlook or Google with the deadlines the
 * person is responsible for. The address is shown once, right after it is made.
 */
@Component({
  selector: 'lr-calendar-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CalendarFeedStore],
  template: `
    <section class="calendar-feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">Kalender med dina tidsfrister</h2>
      <p>
        Du kan prenumerera på dina tidsfrister i Outlook, Google Kalender eller en annan kalender.
        Kalendern innehåller de tidsfrister du ansvarar för:
      </p>
      <ul>
        <li>
          Sista dag för uppsägning, sista dag att besluta om förlängning och slutdatum för avtal där
          du är ansvarig. Är du upphandlare kommer även avtal som saknar ansvarig med.
        </li>
        <li>Om du granskar tjänster: när dina granskningar ska göras om.</li>
      </ul>
      <p>
        Lägg in adressen i ditt kalenderprogram. I Outlook väljer du <em>Lägg till kalender</em> och
        sedan <em>Prenumerera från webben</em>, i Google Kalender <em>Andra kalendrar</em> och sedan
        <em>Från webbadress</em>. Kalendern uppdateras av sig själv, men det kan dröja några timmar
        innan en ändring syns.
      </p>

      @if (stateText(); as text) {
        <p class="feed-state">{{ text }}</p>
      }

      @if (store.error(); as error) {
        <p class="notice error" role="alert">{{ error }}</p>
      }

      @if (store.address(); as address) {
        <div class="field address">
          <label for="calendar-feed-address">Kalenderadress</label>
          <p id="calendar-feed-address-hint" class="hint">
            Adressen visas bara nu. Den fungerar som ett lösenord: den som har adressen kan se dina
            tidsfrister, så dela den inte med någon annan.
          </p>
          <div class="address-row">
            <input
              #addressField
              id="calendar-feed-address"
              type="text"
              readonly
              spellcheck="false"
              autocomplete="off"
              aria-describedby="calendar-feed-address-hint"
              [value]="address"
              (focus)="addressField.select()"
            />
            <button type="button" class="button button-secondary" (click)="copy()">
              Kopiera adressen
            </button>
          </div>
        </div>
      }

      @if (store.state().status === 'loaded') {
        <div class="feed-actions">
          <button
            #createButton
            type="button"
            class="button"
            [attr.aria-describedby]="store.state().active ? 'calendar-feed-replace-hint' : null"
            [attr.aria-disabled]="store.busy() !== null || null"
            (click)="create()"
          >
            {{ createLabel() }}
          </button>
          @if (store.state().active) {
            <button
              type="button"
              class="button button-secondary"
              [attr.aria-disabled]="store.busy() !== null || null"
              (click)="revoke()"
            >
              {{ store.busy() === 'REVOKE' ? 'Slutar dela …' : 'Sluta dela kalendern' }}
            </button>
          }
        </div>
        @if (store.state().active) {
          <p id="calendar-feed-replace-hint" class="hint">
            En ny adress ersätter den du har: den gamla slutar fungera, och kalendrar som använder
            den behöver den nya adressen.
          </p>
        }
      }

      <p class="feed-message" role="status">
        @for (message of messages(); track message.id) {
          <span>{{ message.text }}</span>
        }
      </p>
    </section>
  `,
  styles: `
    .calendar-feed {
      max-width: 48rem;
      margin-top: 2.5rem;
      padding-top: 1rem;
      border-top: 1px solid var(--lr-border);
    }
    h2 {
      font-size: 1.375rem;
      margin: 0 0 0.5rem;
    }
    ul {
      margin: 0 0 1rem;
      padding-left: 1.25rem;
    }
    .feed-state {
      font-weight: 600;
    }
    .error {
      border-left-color: var(--lr-danger);
    }
    .address-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .address-row input {
      flex: 1 1 20rem;
      width: auto;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.9375rem;
    }
    .feed-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-bottom: 0.5rem;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.75;
    }
    .feed-message {
      font-weight: 600;
      margin: 0.75rem 0 0;
    }
    .feed-message:empty {
      margin: 0;
    }
  `,
})
export class CalendarFeedSection implements OnInit {
  protected readonly store = inject(CalendarFeedStore);
  private readonly injector = inject(Injector);
  private readonly addressField = viewChild<ElementRef<HTMLInputElement>>('addressField');
  private readonly createButton = viewChild<ElementRef<HTMLButtonElement>>('createButton');

  protected readonly stateText = computed(() => {
    const { status, active, createdAt } = this.store.state();
    switch (status) {
      case 'loading':
        return 'Hämtar uppgifter om din kalender …';
      case 'failed':
        return null;
      case 'loaded':
        if (!active) return 'Du delar inte din kalender just nu.';
        if (this.store.address()) {
          return 'Du delar din kalender. Lägg in adressen nedan i ditt kalenderprogram.';
        }
        return `Du delar din kalender sedan ${createdAt ? formatDateTime(createdAt) : 'tidigare'}. Adressen visades när den skapades; har du inte kvar den kan du skapa en ny.`;
    }
  });

  protected readonly createLabel = computed(() => {
    if (this.store.busy() === 'CREATE') return 'Skapar adress …';
    return this.store.state().active ? 'Skapa ny adress' : 'Skapa kalenderadress';
  });

  /** The live region's content, replaced by a new node each time so the same words are heard again. */
  protected readonly messages = computed(() => {
    const message = this.store.message();
    return message ? [message] : [];
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected async create(): Promise<void> {
    if (await this.store.create()) {
      this.focusAfterRender(() => this.addressField()?.nativeElement ?? null);
    }
  }

  protected async revoke(): Promise<void> {
    if (await this.store.revoke()) {
      // The button is gone: the next thing to do is to make an address again, if wanted.
      this.focusAfterRender(() => this.createButton()?.nativeElement ?? null);
    }
  }

  protected copy(): Promise<boolean> {
    return this.store.copy();
  }

  private focusAfterRender(target: () => HTMLElement | null): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }
}
