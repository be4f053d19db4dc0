import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import {
  KLASSA_LEVELS,
  KLASSA_LEVEL_LABELS,
  SIGN_IN_METHODS,
  SIGN_IN_METHOD_LABELS,
} from '@licensregistret/domain';

import { FindingsFields, JOIN_PARENT_FORM } from './review-fields';
import type { InformationSecurityValue } from './review-form';

/** The three KLASSA aspects, with their Swedish names and control ids. */
const ASPECTS = [
  { field: 'confidentiality', label: 'Konfidentialitet', id: 'review-confidentiality' },
  { field: 'integrity', label: 'Riktighet', id: 'review-integrity' },
  { field: 'availability', label: 'Tillgänglighet', id: 'review-availability' },
] as const;

/** The security review's findings: KLASSA levels, sign-in method and risks. */
@Component({
  selector: 'lr-information-security-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  viewProviders: [JOIN_PARENT_FORM],
  template: `
    <div formGroupName="informationSecurity">
      <fieldset aria-describedby="review-klassa-hint">
        <legend>Klassning enligt KLASSA</legend>
        <span class="hint" id="review-klassa-hint"
          >SKR:s KLASSA: konsekvensen om uppgifterna röjs, ändras eller inte är tillgängliga.</span
        >
        @for (aspect of aspects; track aspect.field) {
          <div class="field">
            <label [for]="aspect.id">{{ aspect.label }}</label>
            @if (error(aspect.field); as message) {
              <span class="field-error" [id]="aspect.id + '-error'">{{ message }}</span>
            }
            <select
              [id]="aspect.id"
              [formControlName]="aspect.field"
              [attr.aria-invalid]="!!error(aspect.field) || null"
              [attr.aria-describedby]="describedBy(aspect.field)"
            >
              <option value="">Välj nivå</option>
              @for (level of levels; track level) {
                <option [value]="'' + level">{{ levelLabels[level] }}</option>
              }
            </select>
          </div>
        }
        @if (hasLevelFour()) {
          <p class="notice">Nivå 4, synnerligen allvarlig, kräver en separat analys.</p>
        }
      </fieldset>

      <div class="field">
        <label for="review-sign-in">Inloggningsmetod</label>
        @if (error('signInMethod'); as message) {
          <span class="field-error" id="review-sign-in-error">{{ message }}</span>
        }
        <select
          id="review-sign-in"
          formControlName="signInMethod"
          [attr.aria-invalid]="!!error('signInMethod') || null"
          [attr.aria-describedby]="describedBy('signInMethod')"
        >
          <option value="">Välj inloggningsmetod</option>
          @for (method of signInMethods; track method) {
            <option [value]="method">{{ signInMethodLabels[method] }}</option>
          }
        </select>
      </div>

      <div class="field">
        <label for="review-risks">Risker</label>
        @if (error('risks'); as message) {
          <span class="field-error" id="review-risks-error">{{ message }}</span>
        }
        <textarea
          id="review-risks"
          rows="4"
          formControlName="risks"
          [attr.aria-invalid]="!!error('risks') || null"
          [attr.aria-describedby]="describedBy('risks')"
        ></textarea>
      </div>
    </div>
  `,
})
export class InformationSecurityFindings extends FindingsFields<InformationSecurityValue> {
  protected readonly aspects = ASPECTS;
  protected readonly levels = KLASSA_LEVELS;
  protected readonly levelLabels = KLASSA_LEVEL_LABELS;
  protected readonly signInMethods = SIGN_IN_METHODS;
  protected readonly signInMethodLabels = SIGN_IN_METHOD_LABELS;

  protected readonly hasLevelFour = computed(() => {
    const value = this.value();
    return [value.confidentiality, value.integrity, value.availability].includes('4');
  });
}
