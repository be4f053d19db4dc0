import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import { type FormErrors, NO_ERRORS } from '../../shared/forms/form-errors';
import { describedBy, fieldError } from './field-errors';
import { REQUEST_FIELD_IDS, type RequestFormGroup } from './request-form';

/** A tool that is not in the catalogue: its name, supplier and web address. */
@Component({
  selector: 'lr-new-tool-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  template: `
    <fieldset [formGroup]="group()">
      <legend>Verktyget som inte finns i katalogen</legend>
      <div class="field">
        <label for="request-new-tool-name">Verktygets namn</label>
        @if (error('newToolName') ?? error('newTool'); as message) {
          <span class="field-error" id="request-new-tool-name-error">{{ message }}</span>
        }
        <input
          id="request-new-tool-name"
          type="text"
          maxlength="200"
          autocomplete="off"
          formControlName="newToolName"
          [attr.aria-invalid]="!!(error('newToolName') ?? error('newTool')) || null"
          [attr.aria-describedby]="nameDescribedBy()"
        />
      </div>
      <div class="field">
        <label for="request-new-tool-supplier">Leverantör</label>
        <span class="hint" id="request-new-tool-supplier-hint"
          >Företaget som säljer eller tillhandahåller verktyget.</span
        >
        @if (error('newToolSupplier'); as message) {
          <span class="field-error" id="request-new-tool-supplier-error">{{ message }}</span>
        }
        <input
          id="request-new-tool-supplier"
          type="text"
          maxlength="200"
          autocomplete="organization"
          formControlName="newToolSupplier"
          [attr.aria-invalid]="!!error('newToolSupplier') || null"
          [attr.aria-describedby]="describedBy('newToolSupplier', 'request-new-tool-supplier-hint')"
        />
      </div>
      <div class="field">
        <label for="request-new-tool-web-address">Webbadress</label>
        <span class="hint" id="request-new-tool-web-address-hint"
          >Verktygets eller leverantörens webbplats, till exempel https://www.exempel.se.</span
        >
        @if (error('newToolWebAddress'); as message) {
          <span class="field-error" id="request-new-tool-web-address-error">{{ message }}</span>
        }
        <input
          id="request-new-tool-web-address"
          type="text"
          maxlength="500"
          inputmode="url"
          spellcheck="false"
          autocomplete="url"
          formControlName="newToolWebAddress"
          [attr.aria-invalid]="!!error('newToolWebAddress') || null"
          [attr.aria-describedby]="
            describedBy('newToolWebAddress', 'request-new-tool-web-address-hint')
          "
        />
      </div>
    </fieldset>
  `,
})
export class NewToolFields {
  readonly group = input.required<RequestFormGroup>();
  readonly errors = input<FormErrors>(NO_ERRORS);

  protected error(field: string): string | null {
    return fieldError(this.errors(), field);
  }

  protected describedBy(field: string, hint?: string): string | null {
    return describedBy(this.errors(), field, REQUEST_FIELD_IDS, hint);
  }

  /** The name's error covers the API's "newTool" too; both point at the name's error text. */
  protected nameDescribedBy(): string | null {
    return (this.error('newToolName') ?? this.error('newTool'))
      ? 'request-new-tool-name-error'
      : null;
  }
}
