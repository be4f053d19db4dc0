import { DestroyRef, inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';

/** A page with a long form that can tell whether it holds changes not yet saved. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

export const UNSAVED_CHANGES_QUESTION =
  'Du har ändringar som inte är sparade. Vill du lämna sidan ändå? Det du har skrivit försvinner.';

/**
 * Asks before leaving a page with unsaved changes for another page of the app (the browser's own
 * question covers closing the tab and reloading: see `warnBeforeUnload`).
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page?.hasUnsavedChanges() || window.confirm(UNSAVED_CHANGES_QUESTION);

/**
 * Has the browser ask before the tab is closed or reloaded while `hasUnsavedChanges()` holds.
 * Browsers show their own text there; call in a component's constructor.
 */
export function warnBeforeUnload(hasUnsavedChanges: () => boolean): void {
  const listener = (event: BeforeUnloadEvent): void => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older Chromium versions still need a return value to show the question.
    event.returnValue = true;
  };
  window.addEventListener('beforeunload', listener);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', listener));
}
