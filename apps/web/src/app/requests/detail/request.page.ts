import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  type OnChanges,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';

import { PRODUCT_NAME, type RequestMove } from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { dayInSweden } from '../../shared/format/format';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/forms/unsaved-changes';
import { RequestFacts } from '../../shared/request/request-facts';
import { RequestHistory } from '../../shared/request/request-history';
import { mayComment } from '../comment/comment';
import { CommentForm } from '../comment/comment-form';
import type { RequestFormValue } from '../form/request-form';
import { SCHOOL_MOVES, STATE_EXPLANATIONS, endorsementText } from '../request-labels';
import { REQUEST_PATHS } from '../request-paths';
import { RequestStateBadge } from '../request-state-badge';
import { AnswerForm } from './answer-form';
import { DeclineForm } from './decline-form';
import { EditRequest } from './edit-request';
import { RequestActions } from './request-actions';
import { RequestDecisionView } from './request-decision';
import { RequestStore } from './request.store';

/**
 * One request (`begaranden/:id`) as the school follows it: where it is, the open question and
 * the answer, the decision and its reasons, the moves the school may make now, and the history
 * with a form to comment on the request.
 */
@Component({
  selector: 'lr-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    RequestStateBadge,
    AnswerForm,
    DeclineForm,
    EditRequest,
    RequestActions,
    RequestDecisionView,
    RequestFacts,
    RequestHistory,
    CommentForm,
  ],
  providers: [RequestStore],
  templateUrl: './request.page.html',
  styleUrl: './request.page.css',
})
export class RequestPage implements OnChanges, HasUnsavedChanges {
  protected readonly store = inject(RequestStore);
  private readonly auth = inject(AuthStore);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly listPath = REQUEST_PATHS.list;
  protected readonly editing = signal(false);
  /** The principal's decline form is open. */
  protected readonly declining = signal(false);
  /** The comment being written; emptied once saved and when another request is shown. */
  protected readonly commentText = signal('');
  /** Whether the caller may comment (not read-only, not the administrator). */
  protected readonly mayComment = computed(() => mayComment(this.auth.roles()));
  private readonly noticeBox = viewChild<ElementRef<HTMLElement>>('noticeBox');
  private readonly moveErrorBox = viewChild<ElementRef<HTMLElement>>('moveError');
  private readonly editButton = viewChild<ElementRef<HTMLElement>>('editButton');
  private readonly editForm = viewChild<ElementRef<HTMLElement>>('editForm');
  private readonly editRequest = viewChild(EditRequest);
  private readonly whereSection = viewChild<ElementRef<HTMLElement>>('where');

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  /** An edit of the request begun and neither saved nor cancelled. */
  hasUnsavedChanges(): boolean {
    return this.editing() && (this.editRequest()?.hasUnsavedChanges() ?? false);
  }

  /** The decline as the requester and the principal read it, until it is endorsed. */
  protected readonly decline = computed(() => {
    const decline = this.request()?.decline;
    return decline
      ? {
          heading: `Avstyrkt av ${decline.declinedByName} ${dayInSweden(decline.declinedAt)}`,
          text: decline.text,
        }
      : null;
  });

  protected readonly request = computed(() => {
    const state = this.store.state();
    return state.kind === 'loaded' ? state.request : null;
  });

  protected readonly events = computed(() => {
    const state = this.store.state();
    return state.kind === 'loaded' ? state.events : null;
  });

  protected readonly view = computed(() => {
    const request = this.request();
    if (!request) return null;
    const moves = request.availableMoves.filter((move) => SCHOOL_MOVES.includes(move));
    const isPrincipal = this.auth.hasAnyRole('PRINCIPAL');
    return {
      heading: `Begäran ${request.number}: ${request.toolName}`,
      explanation: STATE_EXPLANATIONS[request.state],
      endorsement: endorsementText(request, isPrincipal),
      moves,
      canAnswer: moves.includes('ANSWER'),
    };
  });

  /** The move's refusal, other than an answer's missing text (shown at its field). */
  protected readonly moveErrors = computed(() => {
    const { fields, general } = this.store.moveErrors();
    return [
      ...general,
      ...Object.entries(fields)
        .filter(([field]) => field !== 'text')
        .flatMap(([, messages]) => messages ?? []),
    ];
  });
  protected readonly answerError = computed(() =>
    this.declining() ? null : (this.store.moveErrors().fields['text']?.join(' ') ?? null),
  );
  protected readonly declineError = computed(() =>
    this.declining() ? (this.store.moveErrors().fields['text']?.join(' ') ?? null) : null,
  );

  async ngOnChanges(): Promise<void> {
    this.editing.set(false);
    this.declining.set(false);
    this.commentText.set('');
    await this.store.load(this.id());
    // The title names the request (WCAG 2.4.2), once it is known.
    const heading = this.view()?.heading;
    if (heading) this.title.setTitle(`${heading} – ${PRODUCT_NAME}`);
  }

  protected async makeMove(move: RequestMove, text?: string): Promise<void> {
    if (move === 'DECLINE') {
      this.store.clearErrors();
      this.declining.set(true);
      return;
    }
    await this.store.move(move, text);
    this.focusOutcome();
  }

  protected async sendDecline(text: string): Promise<void> {
    if (await this.store.move('DECLINE', text)) {
      this.declining.set(false);
      this.focusOutcome();
    } else if (this.store.notice()?.kind === 'conflict') {
      this.declining.set(false);
      this.focusOutcome();
    }
  }

  protected stopDeclining(): void {
    this.store.clearErrors();
    this.declining.set(false);
    afterNextRender(
      () =>
        this.whereSection()
          ?.nativeElement.querySelector<HTMLElement>('[data-move="DECLINE"]')
          ?.focus(),
      { injector: this.injector },
    );
  }

  protected async comment(text: string): Promise<void> {
    if (await this.store.comment(text)) this.commentText.set('');
  }

  protected startEditing(): void {
    this.store.clearErrors();
    this.editing.set(true);
    afterNextRender(
      () =>
        this.editForm()
          ?.nativeElement.querySelector<HTMLElement>('input, textarea, select')
          ?.focus(),
      { injector: this.injector },
    );
  }

  protected stopEditing(): void {
    this.editing.set(false);
    afterNextRender(() => this.editButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async save(value: RequestFormValue): Promise<void> {
    const saved = await this.store.update(value);
    // A refused edit keeps the form open; its error summary takes the focus itself.
    if (saved || this.store.notice()?.kind === 'conflict') {
      this.editing.set(false);
      this.focusOutcome();
    }
  }

  /** After a move or an edit: to the notice, or to what went wrong. */
  private focusOutcome(): void {
    afterNextRender(() => (this.noticeBox() ?? this.moveErrorBox())?.nativeElement.focus(), {
      injector: this.injector,
    });
  }
}
