import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  input,
  output,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';

import type { RequestDetail } from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import { type FormErrors, NO_ERRORS } from '../../shared/forms/form-errors';
import { NeedFields } from '../form/need-fields';
import { NewToolFields } from '../form/new-tool-fields';
import {
  REQUEST_FIELD_IDS,
  type RequestFormValue,
  requestFormGroup,
  toRequestFormValue,
} from '../form/request-form';

/** Changes a request's content while it may be changed; the unit and the tool stay. */
@Component({
  selector: 'lr-edit-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ErrorSummary, NeedFields, NewToolFields],
  template: `
    <lr-error-summary
      [errors]="errors()"
      [fieldIds]="fieldIds"
      heading="Ändringarna kunde inte sparas"
    />
    <form class="edit-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p>
        Begäran gäller <strong>{{ request().toolName }}</strong> för
        <strong>{{ request().unitName }}</strong>. Vill du begära ett annat verktyg eller för en
        annan skolenhet återtar du den här och gör en ny begäran.
      </p>
      @if (request().newTool) {
        <lr-new-tool-fields [group]="form" [errors]="errors()" />
      }
      <lr-need-fields [group]="form" [errors]="errors()" />
      <div class="actions">
        <button class="button" type="submit" [attr.aria-disabled]="busy() || null">
          {{ busy() ? 'Sparar …' : 'Spara ändringarna' }}
        </button>
        <button class="button button-secondary" type="button" (click)="cancelled.emit()">
          Avbryt
        </button>
      </div>
    </form>
  `,
  styles: `
    .edit-form {
      max-width: 44rem;
    }
  `,
})
export class EditRequest implements OnInit {
  readonly request = input.required<RequestDetail>();
  readonly errors = input<FormErrors>(NO_ERRORS);
  readonly busy = input(false);
  readonly saved = output<RequestFormValue>();
  readonly cancelled = output<void>();

  protected readonly fieldIds = REQUEST_FIELD_IDS;
  protected readonly form = requestFormGroup(inject(NonNullableFormBuilder));

  ngOnInit(): void {
    this.form.setValue(toRequestFormValue(this.request()));
  }

  /** Changes typed into the form and not saved yet. */
  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected submit(): void {
    if (this.busy()) return;
    this.saved.emit(this.form.getRawValue());
  }
}
