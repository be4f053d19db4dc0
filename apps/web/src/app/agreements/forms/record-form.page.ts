import { Directive, type OnInit, computed, input, signal } from '@angular/core';

import { changesSince, displayValue, redoOnCurrent } from '../../shared/forms/stale-version';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/forms/unsaved-changes';
import type { RecordFormStore, Versioned } from './record-form.store';

/** The parts of a reactive form group the form pages use, typed by the form's value. */
export interface FormOf<V> {
  readonly dirty: boolean;
  getRawValue(): V;
  reset(value: V): void;
  setValue(value: V): void;
  markAsDirty(): void;
  markAsPristine(): void;
}

/**
 * What every form page of the area does alike: loads the record into the form, shows field
 * errors, saves, asks before leaving unsaved changes, and after a stale save (409) shows what
 * someone else changed and lets the person redo their edit on that version or drop it.
 */
@Directive()
export abstract class RecordFormPage<T extends Versioned, V extends object>
  implements OnInit, HasUnsavedChanges
{
  protected abstract readonly store: RecordFormStore<T, V>;
  protected abstract readonly form: FormOf<V>;
  /** The fields the stale-version table compares, by their Swedish labels. */
  protected abstract readonly labels: Readonly<Record<string, string>>;
  protected abstract readonly fieldIds: Readonly<Record<string, string>>;
  protected abstract toFormValue(record: T | null): V;
  /** Where to go once saved. */
  protected abstract afterSave(saved: T): Promise<unknown>;

  /** Route parameter; absent on a page for a new record. */
  readonly id = input<string>();

  protected get state() {
    return this.store.state;
  }
  protected readonly errors = computed(() => this.store.errors());
  protected readonly isNew = computed(() => !this.recordId());
  protected readonly staleChanges = computed(() => {
    const { record, conflict } = this.store.state();
    return record && conflict
      ? changesSince(record, conflict, this.labels, (field, value) => this.show(field, value))
      : null;
  });
  /** Said after a redo, until the next save. */
  protected readonly redone = signal(false);

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  /** The id of the record the page changes; null for a new one. */
  protected recordId(): string | null {
    return this.id() ?? null;
  }

  /** A field's value in the stale-version table. */
  protected show(field: string, record: T): string {
    return displayValue((record as Record<string, unknown>)[field]);
  }

  /** Loads the record and the form's choices. */
  protected loadRecord(): Promise<void> {
    return this.store.load(this.recordId());
  }

  async ngOnInit(): Promise<void> {
    await this.loadRecord();
    if (this.store.state().status === 'ready') {
      this.form.reset(this.toFormValue(this.store.state().record));
    }
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected error(field: string): string | null {
    return this.errors().fields[field]?.join(' ') ?? null;
  }

  /** Ids for aria-describedby: the field's hint, then its error when it has one. */
  protected describedBy(field: string, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${this.fieldIds[field]}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async save(): Promise<void> {
    this.redone.set(false);
    const saved = await this.store.save(this.form.getRawValue());
    if (saved) {
      this.form.markAsPristine();
      await this.afterSave(saved);
    }
  }

  /** The person's edit, on the version someone else saved; they look it over and save again. */
  protected redo(): void {
    const mine = this.form.getRawValue();
    const rebased = this.store.rebase();
    if (!rebased) return;
    const merged = redoOnCurrent(
      this.toFormValue(rebased.read),
      this.toFormValue(rebased.current),
      mine,
    );
    this.form.setValue(merged);
    this.form.markAsDirty();
    this.redone.set(true);
  }

  /** Drops the person's edit and shows the version someone else saved. */
  protected discard(): void {
    const rebased = this.store.rebase();
    if (rebased) this.form.reset(this.toFormValue(rebased.current));
  }
}
