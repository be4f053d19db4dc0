import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { MAX_PAGE_SIZE, ROLES, ROLE_LABELS } from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import { flagsOf } from '../../shared/forms/flags';
import { ADMIN_PATHS } from '../admin-paths';
import {
  ACCOUNT_FIELD_IDS,
  type AccountFormValue,
  needsSchoolUnits,
  toAccountFormValue,
} from './account-form';
import { AccountFormStore } from './account-form.store';

/** Creates an account (`konton/ny`) or changes one (`konton/:id`). */
@Component({
  selector: 'lr-account-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary],
  providers: [AccountFormStore],
  templateUrl: './account-form.page.html',
  styleUrl: '../admin-form.css',
})
export class AccountFormPage implements OnInit {
  private readonly store = inject(AccountFormStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter; absent on `konton/ny`. */
  readonly id = input<string>();

  protected readonly listPath = ADMIN_PATHS.accounts;
  protected readonly fieldIds = ACCOUNT_FIELD_IDS;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly maxUnits = MAX_PAGE_SIZE;

  protected readonly form = this.fb.group({
    username: [''],
    displayName: [''],
    email: [''],
    roles: this.fb.group(flagsOf(ROLES)),
    schoolUnits: this.fb.record<boolean>({}),
    active: [true],
    password: [''],
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly state = this.store.state;
  protected readonly errors = this.store.errors;
  protected readonly isNew = computed(() => !this.id());
  protected readonly heading = computed(() => {
    const account = this.state().account;
    return this.isNew()
      ? 'Nytt konto'
      : account
        ? `Ändra konto ${account.username}`
        : 'Ändra konto';
  });
  /** School units matter only for requesters and principals. */
  protected readonly showUnits = computed(() => needsSchoolUnits(this.value().roles));

  async ngOnInit(): Promise<void> {
    await this.store.load(this.id() ?? null);
    const { account, schoolUnits } = this.store.state();
    const chosen = new Set(account?.schoolUnits.map((unit) => unit.id) ?? []);
    for (const unit of schoolUnits) {
      this.form.controls.schoolUnits.addControl(unit.id, this.fb.control(chosen.has(unit.id)));
    }
    // The unit controls were added above; patchValue leaves any it does not name alone.
    if (account) this.form.patchValue(toAccountFormValue(account));
  }

  protected error(field: string): string | null {
    return this.errors().fields[field]?.join(' ') ?? null;
  }

  protected describedBy(field: string, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${this.fieldIds[field]}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async save(): Promise<void> {
    const value: AccountFormValue = this.form.getRawValue();
    if (await this.store.save(value)) {
      await this.router.navigateByUrl(this.listPath);
    }
  }
}
