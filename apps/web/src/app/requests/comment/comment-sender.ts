import { type Signal, type WritableSignal, linkedSignal, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type FormErrors, NO_ERRORS, hasErrors } from '../../shared/forms/form-errors';
import type { RequestsApi } from '../data/requests-api';
import { commentErrorsFromHttp, commentSavedText, validateComment } from './comment';

/**
 * A comment form's work, for the school's request page and the routine's panel alike: one comment
 * at a time into a request's history, which its owner then reads again; what is wrong with it;
 * what it led to. What was said is forgotten when `resetOn` changes (another request opened) or
 * on `reset()`.
 */
export class CommentSender {
  private readonly sending$ = signal(false);
  private readonly errors$: WritableSignal<FormErrors>;
  private readonly status$: WritableSignal<string>;

  /** Whether a comment is being saved. */
  readonly sending = this.sending$.asReadonly();
  /** What is wrong with the last comment: its text, or in general. */
  readonly errors: Signal<FormErrors>;
  /** What the last comment led to, for the comment form's status line. */
  readonly status: Signal<string>;

  constructor(
    private readonly api: RequestsApi,
    resetOn: Signal<unknown> = signal(null),
  ) {
    this.errors$ = linkedSignal({ source: resetOn, computation: () => NO_ERRORS });
    this.status$ = linkedSignal({ source: resetOn, computation: () => '' });
    this.errors = this.errors$.asReadonly();
    this.status = this.status$.asReadonly();
  }

  reset(): void {
    this.errors$.set(NO_ERRORS);
    this.status$.set('');
  }

  /**
   * Adds the comment, then asks `readHistory` to read the history again (true when read, null
   * when the request is gone); true when saved. An empty comment is refused here; a refused one
   * lands at the field or is said for the form. Once `stillCurrent` says the request was left,
   * the answer is dropped.
   */
  async send(
    requestId: string,
    text: string,
    stillCurrent: () => boolean,
    readHistory: () => Promise<boolean | null>,
  ): Promise<boolean> {
    if (this.sending$()) return false;
    this.status$.set('');
    const invalid = validateComment(text);
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return false;
    }
    this.errors$.set(NO_ERRORS);
    this.sending$.set(true);
    try {
      await firstValueFrom(this.api.comment(requestId, { text: text.trim() }));
      if (!stillCurrent()) return false;
      const historyRead = await readHistory();
      if (historyRead === null || !stillCurrent()) return false;
      this.status$.set(commentSavedText(historyRead));
      return true;
    } catch (error) {
      if (stillCurrent()) this.errors$.set(commentErrorsFromHttp(error));
      return false;
    } finally {
      this.sending$.set(false);
    }
  }
}
