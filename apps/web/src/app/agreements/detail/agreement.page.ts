import {
  ChangeDetectionStrategy,
  Component,
  type OnChanges,
  computed,
  inject,
  input,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';

import {
  ACCESS_POLICY,
  type Agreement,
  COST_MODEL_LABELS,
  type CostSplit,
  LICENCE_SCOPE_LABELS,
  type Licence,
  PROCUREMENT_ROUTE_LABELS,
  PRODUCT_NAME,
  mayCall,
  todayInSweden,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { DocumentsSection } from '../../shared/documents/documents-section';
import { formatInteger, formatSek, schoolFormNames } from '../../shared/format/format';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { StatusBadge } from '../status-badge';
import { AgreementActions } from './agreement-actions';
import { AgreementStore } from './agreement.store';
import { deadlineView } from './deadline';
import { historyItems } from './history-text';

/** A licence's row in the licence table, in words. */
interface LicenceRow {
  id: string;
  service: string;
  scope: string;
  seats: string;
  period: string;
}

function licenceRow(licence: Licence): LicenceRow {
  const scope =
    licence.scope === 'SCHOOL_FORMS'
      ? `${LICENCE_SCOPE_LABELS.SCHOOL_FORMS}: ${schoolFormNames(licence.schoolForms)}`
      : licence.scope === 'UNITS'
        ? `${LICENCE_SCOPE_LABELS.UNITS}: ${licence.units.map((unit) => unit.name).join(', ')}`
        : LICENCE_SCOPE_LABELS.MUNICIPALITY;
  const seats =
    licence.seatCount === null
      ? 'Ingen platsgräns'
      : licence.seatsInUse === null
        ? `${formatInteger(licence.seatCount)} platser`
        : `${formatInteger(licence.seatsInUse)} av ${formatInteger(licence.seatCount)} används`;
  return {
    id: licence.id,
    service: licence.serviceName,
    scope,
    seats,
    period: `${licence.startsOn} – ${licence.endsOn}`,
  };
}

/** The cost split with its sums, added in öre so the total is exact. */
function costTable(split: CostSplit) {
  const ore = split.rows.reduce((sum, row) => sum + Math.round(row.amount * 100), 0);
  return {
    model: COST_MODEL_LABELS[split.costModel].toLowerCase(),
    rows: split.rows.map((row) => ({
      ...row,
      pupilsText: formatInteger(row.pupils),
      amountText: formatSek(row.amount, { ore: true }),
    })),
    pupilsTotal: formatInteger(split.rows.reduce((sum, row) => sum + row.pupils, 0)),
    amountTotal: formatSek(ore / 100, { ore: true }),
    matchesAnnualCost: ore === Math.round(split.annualCost * 100),
  };
}

function daysLeftText(agreement: Agreement): string {
  const days = agreement.daysLeft;
  if (days < 0) return `Avtalet löpte ut ${agreement.endsOn}.`;
  if (days === 0) return `Avtalet löper ut i dag, ${agreement.endsOn}.`;
  return `Avtalet löper ut ${agreement.endsOn}, om ${days === 1 ? '1 dag' : `${formatInteger(days)} dagar`}.`;
}

/** One agreement (`avtal/:id`): its terms, deadlines, licences, cost split and history. */
@Component({
  selector: 'lr-agreement-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, StatusBadge, AgreementActions, DocumentsSection],
  providers: [AgreementStore],
  templateUrl: './agreement.page.html',
  styleUrl: './agreement.page.css',
})
export class AgreementPage implements OnChanges {
  private readonly store = inject(AgreementStore);
  private readonly title = inject(Title);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly state = this.store.state;
  protected readonly listPath = AGREEMENT_PATHS.list;
  protected readonly paths = AGREEMENT_PATHS;
  private readonly auth = inject(AuthStore);
  /** Whether the person may change the agreement and its licences (the forms' links). */
  protected readonly mayWrite = computed(() =>
    mayCall(ACCESS_POLICY['PATCH /api/agreements/:id'], this.auth.roles()),
  );
  protected readonly routeLabels = PROCUREMENT_ROUTE_LABELS;
  protected readonly costModelLabels = COST_MODEL_LABELS;

  protected readonly view = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.view : null;
  });

  protected readonly details = computed(() => {
    const view = this.view();
    if (!view) return null;
    const { agreement, licences, costSplit, history } = view;
    return {
      heading: `Avtal ${agreement.agreementNumber} – ${agreement.supplierName}`,
      services:
        agreement.services.length === 0
          ? 'Inga tjänster är licensierade under avtalet.'
          : `Tjänster: ${agreement.services.map((service) => service.name).join(', ')}`,
      annualCost: formatSek(agreement.annualCost),
      scope: schoolFormNames(agreement.scopeSchoolForms, 'Alla skolformer'),
      daysLeft: daysLeftText(agreement),
      deadline: deadlineView(agreement, todayInSweden()),
      licences: licences.kind === 'loaded' ? licences.value.map(licenceRow) : null,
      costSplit: costSplit.kind === 'loaded' ? costTable(costSplit.value) : null,
      history: history.kind === 'loaded' ? historyItems(history.value) : null,
    };
  });

  /** Also when a link in the renewal chain shows another agreement on the same page. */
  async ngOnChanges(): Promise<void> {
    await this.store.load(this.id());
    // The title names the agreement (WCAG 2.4.2), once it is known.
    const heading = this.details()?.heading;
    if (heading) this.title.setTitle(`${heading} – ${PRODUCT_NAME}`);
  }
}
