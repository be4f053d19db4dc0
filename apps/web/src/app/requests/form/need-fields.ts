import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import {
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_LABELS,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

import { DateInput } from '../../shared/forms/date-input';
import { type FormErrors, NO_ERRORS } from '../../shared/forms/form-errors';
import { describedBy, fieldError } from './field-errors';
import { REQUEST_FIELD_IDS, type RequestFormGroup } from './request-form';

/**
 * What a request says about the need: the need itself, who it is for, how many, what personal
 * data the tool would handle, and from when it is wanted.
 */
@Component({
  selector: 'lr-need-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, DateInput],
  templateUrl: './need-fields.html',
  styles: `
    textarea {
      width: 100%;
      max-width: 40rem;
    }
    .short {
      width: 10rem;
    }
  `,
})
export class NeedFields {
  readonly group = input.required<RequestFormGroup>();
  readonly errors = input<FormErrors>(NO_ERRORS);

  protected readonly fieldIds = REQUEST_FIELD_IDS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly personalDataKinds = PERSONAL_DATA_KINDS;
  protected readonly personalDataLabels = PERSONAL_DATA_LABELS;

  protected error(field: string): string | null {
    return fieldError(this.errors(), field);
  }

  protected describedBy(field: string, hint?: string): string | null {
    return describedBy(this.errors(), field, REQUEST_FIELD_IDS, hint);
  }
}
