import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';

import {
  ACCESS_POLICY,
  REQUEST_STATE_LABELS,
  REVIEW_KINDS,
  REVIEW_ROLE,
  type ReviewKind,
  mayCall,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { mayComment } from '../../requests/comment/comment';
import { CommentForm } from '../../requests/comment/comment-form';
import { DocumentsSection } from '../../shared/documents/documents-section';
import { RequestFacts } from '../../shared/request/request-facts';
import { RequestHistory } from '../../shared/request/request-history';
import { DecisionView } from './decision-view';
import { MoveActions } from './moves/move-actions';
import { PanelRequestStore } from './panel-request.store';
import { REQUEST_PANEL_STORES } from './panel-stores';
import { RequestCommentsStore } from './request-comments.store';
import { RequestHistoryStore } from './request-history.store';
import { type MoveResult, RequestMovesStore } from './request-moves.store';
import { ServiceReviews } from './service-reviews';
import { SharedKnowledgeSection } from './shared-knowledge';

/**
 * One request beside the queue: what the school asks, the service's reviews and what blocks an
 * approval, the proposal or decision, the moves the caller may make, and the history with a
 * comment form. Focus moves to its heading when it opens; Escape or "Stäng" closes it (the page
 * returns focus).
 */
@Component({
  selector: 'lr-request-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DocumentsSection,
    RequestFacts,
    ServiceReviews,
    SharedKnowledgeSection,
    DecisionView,
    MoveActions,
    RequestHistory,
    CommentForm,
  ],
  providers: REQUEST_PANEL_STORES,
  templateUrl: './request-panel.html',
  styleUrl: './request-panel.css',
  host: { '(keydown.escape)': 'close()' },
})
export class RequestPanel {
  private readonly store = inject(PanelRequestStore);
  protected readonly history = inject(RequestHistoryStore);
  protected readonly comments = inject(RequestCommentsStore);
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);

  readonly requestId = input.required<string>();
  readonly closed = output<void>();
  /** A move changed the request (or showed it had changed): the queue should read it again. */
  readonly changed = output<void>();

  private readonly headingRef = viewChild.required<ElementRef<HTMLElement>>('headingEl');
  private readonly noticeRef = viewChild<ElementRef<HTMLElement>>('noticeEl');

  protected readonly state = this.store.state;
  protected readonly notice = inject(RequestMovesStore).notice;
  protected readonly request = this.store.request;

  protected readonly heading = computed(() => {
    const request = this.request();
    return request ? `Begäran ${request.number}: ${request.toolName}` : 'Begäran';
  });

  protected readonly stateText = computed(() => {
    const request = this.request();
    return request ? REQUEST_STATE_LABELS[request.state] : '';
  });

  /** The reviews the caller records: their own kind, on a service in review. */
  protected readonly reviewKinds = computed<ReviewKind[]>(() => {
    const request = this.request();
    const roles = this.auth.roles() ?? [];
    if (!request || request.state !== 'IN_REVIEW' || request.serviceId === null) return [];
    return REVIEW_KINDS.filter((kind) => roles.includes(REVIEW_ROLE[kind]));
  });

  /** Whether the caller may comment on the request (not read-only, not the administrator). */
  protected readonly mayComment = computed(() => mayComment(this.auth.roles()));
  /** Whether the caller may report a change of the service (it makes the reviews due again). */
  protected readonly mayReportChange = computed(() =>
    mayCall(ACCESS_POLICY['POST /api/services/:id/changes'], this.auth.roles()),
  );
  /** The comment being written; emptied once saved and when another request is shown. */
  protected readonly commentText = signal('');

  constructor() {
    effect(() => {
      const id = this.requestId();
      untracked(() => {
        this.commentText.set('');
        void this.store.open(id);
      });
    });
    // Into the panel when it opens, and again when another request is shown in it: once the
    // request has come, so that the scroll to the heading does not happen while the page below
    // it is still growing (on a phone that moved the footer in sight: a layout shift of 0.13).
    let focusPending = false;
    effect(() => {
      this.requestId();
      focusPending = true;
    });
    afterRenderEffect(() => {
      if (this.state().kind === 'loading' || !focusPending) return;
      focusPending = false;
      untracked(() => this.headingRef().nativeElement.focus());
    });
  }

  protected close(): void {
    this.closed.emit();
  }

  protected retry(): void {
    void this.store.load();
  }

  protected async comment(text: string): Promise<void> {
    if (await this.comments.comment(text)) this.commentText.set('');
  }

  protected settled(result: MoveResult): void {
    if (result === 'done' || result === 'conflict') this.changed.emit();
    afterNextRender(() => this.noticeRef()?.nativeElement.focus(), { injector: this.injector });
  }
}
