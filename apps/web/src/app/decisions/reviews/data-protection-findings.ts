import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import {
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  DATA_LOCATIONS,
  DATA_LOCATION_LABELS,
  DATA_SUBJECTS,
  DATA_SUBJECT_LABELS,
  DPIA_CRITERIA,
  DPIA_CRITERION_LABELS,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  TRANSFER_MECHANISMS,
  TRANSFER_MECHANISM_LABELS,
} from '@licensregistret/domain';

import { checked } from '../../shared/forms/flags';
import { FindingsFields, JOIN_PARENT_FORM } from './review-fields';
import { type DataProtectionValue, REVIEW_FIELD_IDS, dataProtectionStops } from './review-form';

/** The GDPR review's findings: legal basis, data, agreement, DPIA, storage and transfers. */
@Component({
  selector: 'lr-data-protection-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  viewProviders: [JOIN_PARENT_FORM],
  templateUrl: './data-protection-findings.html',
  styles: `
    .stops {
      color: var(--lr-danger);
    }
    .stops ul {
      margin: 0.25rem 0 0;
    }
  `,
})
export class DataProtectionFindings extends FindingsFields<DataProtectionValue> {
  protected readonly fieldIds = REVIEW_FIELD_IDS;
  protected readonly legalBases = LEGAL_BASES;
  protected readonly legalBasisLabels = LEGAL_BASIS_LABELS;
  protected readonly categories = DATA_CATEGORIES;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly subjects = DATA_SUBJECTS;
  protected readonly subjectLabels = DATA_SUBJECT_LABELS;
  protected readonly criteria = DPIA_CRITERIA;
  protected readonly criterionLabels = DPIA_CRITERION_LABELS;
  protected readonly locations = DATA_LOCATIONS;
  protected readonly locationLabels = DATA_LOCATION_LABELS;
  protected readonly mechanisms = TRANSFER_MECHANISMS;
  protected readonly mechanismLabels = TRANSFER_MECHANISM_LABELS;

  protected readonly criteriaCount = computed(
    () => checked(this.value().dpiaCriteria, DPIA_CRITERIA).length,
  );
  protected readonly stops = computed(() => dataProtectionStops(this.value()));
}
