import { Injectable, inject, linkedSignal, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  commentErrorsFromHttp,
  commentSavedText,
  validateComment,
} from '../../requests/comment/comment';
import { RequestsApi } from '../../requests/data/requests-api';
import { type FormErrors, NO_ERRORS, hasErrors } from '../../shared/forms/form-errors';
import { type OpenedRequest, PanelRequestStore } from './panel-request.store';
import { RequestHistoryStore } from './request-history.store';

/**
 * Comments on the open request: saved into its history, which is then read again. What was said
 * about a comment is forgotten when another request is opened.
 */
@Injectable()
export class RequestCommentsStore {
  private readonly api = inject(RequestsApi);
  private readonly request = inject(PanelRequestStore);
  private readonly history = inject(RequestHistoryStore);

  private readonly commenting$ = signal(false);
  private readonly errors$ = linkedSignal<OpenedRequest | null, FormErrors>({
    source: this.request.opened,
    computation: () => NO_ERRORS,
  });
  private readonly status$ = linkedSignal<OpenedRequest | null, string>({
    source: this.request.opened,
    computation: () => '',
  });

  /** Whether a comment is being saved. */
  readonly commenting = this.commenting$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  /** What the last comment led to, for the comment form's status line. */
  readonly status = this.status$.asReadonly();

  /**
   * Adds a comment to the request's history, then reads the history again; true when saved.
   * An empty comment is refused here; a refused one lands at the field or is said for the form.
   */
  async comment(text: string): Promise<boolean> {
    const opened = this.request.opened();
    if (!opened || this.commenting$()) return false;
    this.status$.set('');
    const invalid = validateComment(text);
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return false;
    }
    const stillOpen = () => this.request.opened() === opened;
    this.errors$.set(NO_ERRORS);
    this.commenting$.set(true);
    try {
      await firstValueFrom(this.api.comment(opened.id, { text: text.trim() }));
      if (!stillOpen()) return false;
      await this.history.load(opened.id);
      if (!stillOpen()) return false;
      this.status$.set(commentSavedText(this.history.events().kind === 'loaded'));
      return true;
    } catch (error) {
      if (stillOpen()) this.errors$.set(commentErrorsFromHttp(error));
      return false;
    } finally {
      this.commenting$.set(false);
    }
  }
}
