import type { Provider } from '@angular/core';

import { MoveChoicesStore } from './move-choices.store';
import { PanelRequestStore } from './panel-request.store';
import { RequestCommentsStore } from './request-comments.store';
import { RequestHistoryStore } from './request-history.store';
import { RequestMovesStore } from './request-moves.store';
import { ServiceChangeStore } from './service-change.store';

/**
 * The panel's stores, one job each, provided per panel: the open request (`PanelRequestStore`)
 * and its history (`RequestHistoryStore`), the moves (`RequestMovesStore`) and what their forms
 * choose from (`MoveChoicesStore`), comments (`RequestCommentsStore`) and reported changes of the
 * service (`ServiceChangeStore`). Each component injects the ones it uses.
 */
export const REQUEST_PANEL_STORES: Provider[] = [
  PanelRequestStore,
  RequestHistoryStore,
  RequestMovesStore,
  MoveChoicesStore,
  RequestCommentsStore,
  ServiceChangeStore,
];
