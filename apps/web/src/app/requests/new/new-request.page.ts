import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
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
import { licenceFor, ownRequestFor, toolOptions } from './tool-options';
import { MIN_SEARCH_LENGTH, ToolSearchStore } from './tool-search.store';

/** The join form's controls, each with its id for labels and error links. */
const JOIN_FIELD_IDS: Record<string, string> = {
  unitId: 'join-pupils',
  pupilCount: 'join-pupils',
  need: 'join-need',
};

/**
 * Ny begäran (`begaranden/ny`): the whole catalogue and the requests in the routine are searched
 * first, so a tool the unit already has or asks for is not requested again, a rejected tool's
 * decision is read before asking again (with what has changed), and another unit's open request
 * can be joined ("Anslut min enhet"); then the need, saved as a draft.
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

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = requestFormGroup(this.fb);
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
    toolOptions(this.search.state().matches, this.search.chosen(), this.value().unitId),
  );
  /** The chosen catalogue tool, when it was rejected: asking again says what has changed. */
  protected readonly askingAgain = computed(() => {
    const tool = this.value().tool;
    const option = this.options().find((candidate) => candidate.id === tool);
    return option?.status === 'REJECTED' ? option : null;
  });

  protected readonly searchText = computed(() => {
    const { status, q, matches, total } = this.search.state();
    switch (status) {
      case 'idle':
        return q.length > 0 && q.length < MIN_SEARCH_LENGTH ? 'Skriv minst två tecken.' : '';
      case 'searching':
        return 'Söker i katalogen …';
      case 'failed':
        return 'Katalogen kunde inte sökas just nu. Försök igen, eller beskriv verktyget nedan.';
      case 'loaded': {
        if (total === 0) return `Inget verktyg i katalogen eller bland begärandena matchar ”${q}”.`;
        const found = `${countText(total, 'verktyg', 'verktyg')} i katalogen eller bland begärandena matchar ”${q}”.`;
        return total > matches.length
          ? `${found} De ${matches.length} första visas; skriv mer av namnet för att se färre.`
          : found;
      }
    }
  });

  /** The open request whose join form is shown ("Anslut min enhet"), by id. */
  protected readonly joining = signal<string | null>(null);
  protected readonly joinForm = this.fb.group({
    pupilCount: this.fb.control<number | null>(null),
    need: this.fb.control(''),
  });
  protected readonly joinFieldIds = JOIN_FIELD_IDS;

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    const units = this.units();
    if (units.length === 1) this.form.controls.unitId.setValue(units[0].id);

    this.form.controls.tool.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((tool) => this.search.choose(tool === '' || tool === NEW_TOOL ? null : tool));
    // A service the newly chosen unit already has or asks for is no longer a choice.
    this.form.controls.unitId.valueChanges.pipe(takeUntilDestroyed()).subscribe((unitId) => {
      const chosen = this.search.chosen();
      if (chosen && (licenceFor(chosen, unitId) || ownRequestFor(chosen, unitId))) {
        this.form.controls.tool.setValue('');
      }
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

  protected joinError(field: string): string | null {
    return fieldError(this.store.joinErrors(), field);
  }

  protected joinDescribedBy(field: string, hint?: string): string | null {
    return describedBy(this.store.joinErrors(), field, JOIN_FIELD_IDS, hint);
  }

  protected requestPath(id: string): string[] {
    return requestRoute(id);
  }

  /** Opens the join form for one of another unit's open requests. */
  protected startJoining(requestId: string): void {
    this.store.clearJoinErrors();
    this.joinForm.reset({ pupilCount: null, need: this.value().need });
    this.joining.set(requestId);
  }

  protected stopJoining(): void {
    this.store.clearJoinErrors();
    this.joining.set(null);
  }

  protected async join(requestId: string): Promise<void> {
    const joined = await this.store.join(
      requestId,
      this.value().unitId,
      this.joinForm.getRawValue(),
    );
    if (!joined) return;
    this.form.markAsPristine();
    await this.router.navigate(requestRoute(joined.id));
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
