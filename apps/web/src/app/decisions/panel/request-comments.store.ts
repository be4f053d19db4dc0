import { Injectable, inject } from '@angular/core';

import { CommentSender } from '../../requests/comment/comment-sender';
import { RequestsApi } from '../../requests/data/requests-api';
import { PanelRequestStore } from './panel-request.store';
import { RequestHistoryStore } from './request-history.store';

/**
 * Comments on the open request: saved into its history, which is then read again. What was said
 * about a comment is forgotten when another request is opened.
 */
@Injectable()
export class RequestCommentsStore {
  private readonly request = inject(PanelRequestStore);
  private readonly history = inject(RequestHistoryStore);
  private readonly sender = new CommentSender(inject(RequestsApi), this.request.opened);

  /** Whether a comment is being saved. */
  readonly commenting = this.sender.sending;
  readonly errors = this.sender.errors;
  /** What the last comment led to, for the comment form's status line. */
  readonly status = this.sender.status;

  /**
   * Adds a comment to the request's history, then reads the history again; true when saved.
   * An empty comment is refused here; a refused one lands at the field or is said for the form.
   */
  async comment(text: string): Promise<boolean> {
    const opened = this.request.opened();
    if (!opened) return false;
    return this.sender.send(
      opened.id,
      text,
      () => this.request.opened() === opened,
      async () => {
        await this.history.load(opened.id);
        return this.history.events().kind === 'loaded';
      },
    );
  }
}
