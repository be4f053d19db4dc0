import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { countText } from '../../shared/format/format';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/forms/unsaved-changes';
import { describedBy, fieldError } from '../form/field-errors';
import { NeedFields } from '../form/need-fields';
import { NewToolFields } from '../form/new-tool-fields';
import { NEW_TOOL, REQUEST_FIELD_IDS, requestFormGroup } from '../form/request-form';
import { REQUEST_PATHS, requestRoute } from '../request-paths';
import { NewRequestStore } from './new-request.store';
import { licenceFor, toolOptions } from './tool-options';
import { MIN_SEARCH_LENGTH, ToolSearchStore } from './tool-search.store';

/**
 * Ny begäran (`begaranden/ny`): the catalogue is searched first, so a tool the unit already has
 * is not requested again; then the need, saved as a draft.
 */
@Component({
  selector: 'lr-new-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, NeedFields, NewToolFields],
  providers: [NewRequestStore, ToolSearchStore],
  templateUrl: './new-request.page.html',
  styleUrl: './new-request.page.css',
})
export class NewRequestPage implements HasUnsavedChanges {
  protected readonly store = inject(NewRequestStore);
  protected readonly search = inject(ToolSearchStore);
  private readonly router = inject(Router);

  protected readonly form = requestFormGroup(inject(NonNullableFormBuilder));
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly fieldIds = REQUEST_FIELD_IDS;
  protected readonly newTool = NEW_TOOL;
  protected readonly listPath = REQUEST_PATHS.list;
  protected readonly units = this.store.units;
  protected readonly unitChosen = computed(() => this.value().unitId !== '');
  protected readonly isNewTool = computed(() => this.value().tool === NEW_TOOL);
  protected readonly options = computed(() =>
    toolOptions(this.search.state().entries, this.search.chosen(), this.value().unitId),
  );

  protected readonly searchText = computed(() => {
    const { status, q, entries, total } = this.search.state();
    switch (status) {
      case 'idle':
        return q.length > 0 && q.length < MIN_SEARCH_LENGTH ? 'Skriv minst två tecken.' : '';
      case 'searching':
        return 'Söker i katalogen …';
      case 'failed':
        return 'Katalogen kunde inte sökas just nu. Försök igen, eller beskriv verktyget nedan.';
      case 'loaded': {
        if (total === 0) return `Inget verktyg i katalogen matchar ”${q}”.`;
        const found = `${countText(total, 'tjänst', 'tjänster')} i katalogen matchar ”${q}”.`;
        return total > entries.length
          ? `${found} De ${entries.length} första visas; skriv mer av namnet för att se färre.`
          : found;
      }
    }
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    const units = this.units();
    if (units.length === 1) this.form.controls.unitId.setValue(units[0].id);

    this.form.controls.tool.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((tool) => this.search.choose(tool === '' || tool === NEW_TOOL ? null : tool));
    // A service the newly chosen unit already has is no longer a choice.
    this.form.controls.unitId.valueChanges.pipe(takeUntilDestroyed()).subscribe((unitId) => {
      const chosen = this.search.chosen();
      if (chosen && licenceFor(chosen, unitId)) this.form.controls.tool.setValue('');
    });
  }

  /** Something typed or chosen that is not saved as a draft yet. */
  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected error(field: string): string | null {
    return fieldError(this.store.errors(), field);
  }

  protected describedBy(field: string, hint?: string): string | null {
    return describedBy(this.store.errors(), field, REQUEST_FIELD_IDS, hint);
  }

  protected searchTools(event: Event): void {
    this.search.searchSoon((event.target as HTMLInputElement).value);
  }

  protected async save(): Promise<void> {
    const saved = await this.store.save(this.form.getRawValue(), this.search.chosen());
    if (!saved) return;
    this.form.markAsPristine();
    await this.router.navigate(requestRoute(saved.id));
  }
}
