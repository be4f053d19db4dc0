import { Injectable, inject } from '@angular/core';

import type { RequestMove } from '@licensregistret/domain';

import { MoveChoicesStore } from './move-choices.store';
import type { MoveFormValue } from './moves/move-form';
import { type MoveResult, RequestMovesStore } from './request-moves.store';

export type { MoveResult } from './request-moves.store';

/**
 * The moves' part of the panel under one name, for moves/move-actions.ts: the moves
 * (`RequestMovesStore`) and what their forms choose from (`MoveChoicesStore`). It does nothing of
 * its own; once move-actions injects those two itself, this file can go.
 */
@Injectable()
export class RequestPanelStore {
  private readonly moves = inject(RequestMovesStore);
  private readonly choices = inject(MoveChoicesStore);

  /** The move being saved, or null. */
  readonly saving = this.moves.saving;
  readonly errors = this.moves.errors;
  readonly licences = this.choices.licences;
  readonly newToolChoices = this.choices.newToolChoices;

  makeMove(move: RequestMove, value: MoveFormValue): Promise<MoveResult> {
    return this.moves.makeMove(move, value);
  }

  clearErrors(): void {
    this.moves.clearErrors();
  }

  loadLicences(unitId: string): Promise<void> {
    return this.choices.loadLicences(unitId);
  }

  loadNewToolChoices(): Promise<void> {
    return this.choices.loadNewToolChoices();
  }
}
