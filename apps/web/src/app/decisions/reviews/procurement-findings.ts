import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import { PROCUREMENT_ROUTES, PROCUREMENT_ROUTE_LABELS } from '@licensregistret/domain';

import { formatSek } from '../../shared/format/format';
import { FindingsFields, JOIN_PARENT_FORM } from './review-fields';
import { DIRECT_AWARD_LIMIT_SEK, type ProcurementValue, kronor } from './review-form';
import type { ReviewContext } from './review.store';

/** The agreement and cost review's findings: route, annual cost, budget, agreement. */
@Component({
  selector: 'lr-procurement-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  viewProviders: [JOIN_PARENT_FORM],
  template: `
    <div formGroupName="procurement">
      <div class="field">
        <label for="review-route">Upphandlingsform</label>
        @if (error('procurementRoute'); as message) {
          <span class="field-error" id="review-route-error">{{ message }}</span>
        }
        <select
          id="review-route"
          formControlName="procurementRoute"
          [attr.aria-invalid]="!!error('procurementRoute') || null"
          [attr.aria-describedby]="describedBy('procurementRoute')"
        >
          <option value="">Välj upphandlingsform</option>
          @for (route of routes; track route) {
            <option [value]="route">{{ routeLabels[route] }}</option>
          }
        </select>
      </div>

      <div class="field">
        <label for="review-annual-cost">Årskostnad (kr)</label>
        <span class="hint" id="review-annual-cost-hint"
          >Förväntad kostnad per år. Över beslutsgränsen fattar en objektledare beslutet.</span
        >
        @if (error('annualCost'); as message) {
          <span class="field-error" id="review-annual-cost-error">{{ message }}</span>
        }
        <input
          id="review-annual-cost"
          class="cost"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          formControlName="annualCost"
          [attr.aria-invalid]="!!error('annualCost') || null"
          [attr.aria-describedby]="describedBy('annualCost', 'review-annual-cost-hint')"
        />
        @if (overDirectAwardLimit()) {
          <p class="notice">
            Direktupphandling är tillåten upp till {{ limit }}, räknat med optioner och
            förlängningar. Över det krävs avrop på ramavtal eller egen upphandling.
          </p>
        }
      </div>

      <label class="checkbox field">
        <input type="checkbox" id="review-budget-covered" formControlName="budgetCovered" />
        Kostnaden ryms i budget
      </label>

      <div class="field">
        <label for="review-agreement">Avtal i registret (valfritt)</label>
        <span class="hint" id="review-agreement-hint">{{ agreementHint() }}</span>
        @if (error('agreementId'); as message) {
          <span class="field-error" id="review-agreement-error">{{ message }}</span>
        }
        <select
          id="review-agreement"
          formControlName="agreementId"
          [attr.aria-invalid]="!!error('agreementId') || null"
          [attr.aria-describedby]="describedBy('agreementId', 'review-agreement-hint')"
        >
          <option value="">Inget avtal ännu</option>
          @for (agreement of agreements(); track agreement.id) {
            <option [value]="agreement.id">
              {{ agreement.agreementNumber }} (till {{ agreement.endsOn }})
            </option>
          }
        </select>
      </div>
    </div>
  `,
  styles: `
    .cost {
      width: 12rem;
    }
  `,
})
export class ProcurementFindings extends FindingsFields<ProcurementValue> {
  readonly agreements = input.required<ReviewContext['agreements']>();
  readonly supplierName = input.required<string>();

  protected readonly routes = PROCUREMENT_ROUTES;
  protected readonly routeLabels = PROCUREMENT_ROUTE_LABELS;
  protected readonly limit = formatSek(DIRECT_AWARD_LIMIT_SEK);

  protected readonly overDirectAwardLimit = computed(() => {
    const { procurementRoute, annualCost } = this.value();
    const cost = kronor(annualCost);
    return procurementRoute === 'DIRECT_AWARD' && cost !== null && cost > DIRECT_AWARD_LIMIT_SEK;
  });

  protected readonly agreementHint = computed(() =>
    this.agreements().length === 0
      ? `${this.supplierName()} har inga avtal i registret.`
      : `Avtal med ${this.supplierName()} som täcker tjänsten.`,
  );
}
