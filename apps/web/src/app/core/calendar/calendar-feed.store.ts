import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { CalendarApi } from './calendar-api';

export interface CalendarFeedState {
  status: 'loading' | 'loaded' | 'failed';
  active: boolean;
  createdAt: string | null;
}

/** A message for a live region; `id` changes each time, so that saying the same thing again is heard. */
export interface CalendarFeedMessage {
  id: number;
  text: string;
}

/**
 * The signed-in person's calendar feed: whether it is shared, and creating, copying and revoking
 * its secret address. The address is known only from the answer that created it, and is kept
 * here (never stored) while the page is open.
 */
@Injectable()
export class CalendarFeedStore {
  private readonly api = inject(CalendarApi);
  private readonly document = inject(DOCUMENT);

  private readonly state$ = signal<CalendarFeedState>({
    status: 'loading',
    active: false,
    createdAt: null,
  });
  private readonly address$ = signal<string | null>(null);
  private readonly busy$ = signal<'CREATE' | 'REVOKE' | null>(null);
  private readonly error$ = signal<string | null>(null);
  private readonly message$ = signal<CalendarFeedMessage | null>(null);
  private messages = 0;

  readonly state = this.state$.asReadonly();
  /** The full address of a feed created now, or null. */
  readonly address = this.address$.asReadonly();
  /** What is being done: creating or revoking. */
  readonly busy = this.busy$.asReadonly();
  /** What went wrong, for an alert. */
  readonly error = this.error$.asReadonly();
  /** What was done, for a status message. */
  readonly message = this.message$.asReadonly();

  async load(): Promise<void> {
    this.state$.set({ status: 'loading', active: false, createdAt: null });
    try {
      const feed = await firstValueFrom(this.api.status());
      this.state$.set({ status: 'loaded', active: feed.active, createdAt: feed.createdAt });
    } catch {
      this.state$.set({ status: 'failed', active: false, createdAt: null });
      this.error$.set('Uppgifterna om din kalender kunde inte hämtas. Försök igen om en stund.');
    }
  }

  /** A new address (an earlier one stops working); true when done. */
  async create(): Promise<boolean> {
    if (this.busy$()) return false;
    this.start('CREATE');
    try {
      const feed = await firstValueFrom(this.api.create());
      if (!feed.path) throw new Error('The answer holds no address');
      this.address$.set(new URL(feed.path, this.document.location.origin).href);
      this.state$.set({ status: 'loaded', active: true, createdAt: feed.createdAt });
      return true;
    } catch {
      this.error$.set('Kalenderadressen kunde inte skapas. Försök igen om en stund.');
      return false;
    } finally {
      this.busy$.set(null);
    }
  }

  /** Stops sharing the calendar; true when done. */
  async revoke(): Promise<boolean> {
    if (this.busy$()) return false;
    this.start('REVOKE');
    try {
      await firstValueFrom(this.api.revoke());
      this.address$.set(null);
      this.state$.set({ status: 'loaded', active: false, createdAt: null });
      this.say('Du delar inte längre din kalender. Adressen fungerar inte längre.');
      return true;
    } catch {
      this.error$.set('Det gick inte att sluta dela kalendern. Försök igen om en stund.');
      return false;
    } finally {
      this.busy$.set(null);
    }
  }

  /** Copies the address to the clipboard; true when done. */
  async copy(): Promise<boolean> {
    const address = this.address$();
    if (!address) return false;
    this.error$.set(null);
    this.message$.set(null);
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('No clipboard');
      await clipboard.writeText(address);
      this.say('Adressen är kopierad.');
      return true;
    } catch {
      this.error$.set(
        'Adressen kunde inte kopieras. Markera adressen i fältet och kopiera den själv.',
      );
      return false;
    }
  }

  private start(busy: 'CREATE' | 'REVOKE'): void {
    this.busy$.set(busy);
    this.error$.set(null);
    this.message$.set(null);
  }

  private say(text: string): void {
    this.message$.set({ id: ++this.messages, text });
  }
}
