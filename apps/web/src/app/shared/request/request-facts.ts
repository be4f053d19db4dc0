import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { PERSONAL_DATA_LABELS, type RequestDetail } from '@licensregistret/domain';

import { dayInSweden, formatDateTime, formatInteger, schoolFormNames } from '../format/format';
import type { RequestAudience } from './request-audience';

interface Fact {
  term: string;
  value: string;
  /** A link the value is (the tool's web address). */
  href?: string;
  /** A second line under the value (what personal data, what the school wrote). */
  detail?: string;
  /** Kept as written, line breaks and all. */
  text?: boolean;
}

/**
 * What the request says, as a list of terms and values: the tool, the unit, the need, who and how
 * many, personal data, when. The school reads it on its request page; the routine's roles also see
 * the open question, the principal's endorsement, how long the request has waited and the licence
 * that already covers it, which the school's page shows in places of its own. The host gives it
 * its heading.
 */
@Component({
  selector: 'lr-request-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (openQuestion(); as question) {
      <div class="notice"><strong>Öppen fråga till skolan:</strong> {{ question }}</div>
    }
    <dl class="facts">
      @for (fact of facts(); track fact.term) {
        <div>
          <dt>{{ fact.term }}</dt>
          <dd>
            @if (fact.href) {
              <a [href]="fact.href" rel="noopener noreferrer">{{ fact.value }}</a>
            } @else {
              <span [class.text]="fact.text">{{ fact.value }}</span>
            }
            @if (fact.detail) {
              <span class="text detail"> {{ fact.detail }}</span>
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      margin: 0 0 1rem;
      max-width: 48rem;
    }
    .facts > div {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      gap: 0 1rem;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--lr-border);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-line;
    }
    .detail {
      display: block;
    }
  `,
})
export class RequestFacts {
  readonly request = input.required<RequestDetail>();
  readonly audience = input.required<RequestAudience>();

  /** The question the routine waits for the school to answer (the school answers it above). */
  protected readonly openQuestion = computed(() => {
    const request = this.request();
    return this.audience() === 'routine' && request.state === 'NEEDS_INFO'
      ? request.openQuestion
      : null;
  });

  protected readonly facts = computed<Fact[]>(() => {
    const request = this.request();
    const routine = this.audience() === 'routine';
    // A proposed tool until a specialist starts the review: then it is a service in the catalogue.
    const newTool = request.serviceId === null ? request.newTool : null;
    const webAddress = newTool ? newTool.webAddress : (request.service?.webAddress ?? '');
    const facts: Fact[] = [
      {
        term: 'Verktyg',
        value: newTool ? `${newTool.name} (finns inte i katalogen)` : request.toolName,
      },
      {
        term: 'Leverantör',
        value: (newTool ? newTool.supplierName : request.service?.supplierName) || 'Okänd',
      },
      ...(webAddress ? [{ term: 'Webbadress', value: webAddress, href: webAddress }] : []),
      { term: 'Skolenhet', value: request.unitName },
      { term: 'Behov', value: request.need, text: true },
      {
        term: 'Ämnen',
        value: request.subjects.length > 0 ? request.subjects.join(', ') : 'Inga angivna',
      },
      { term: 'Målgrupp', value: request.targetGroup.trim() || 'Inte angiven' },
      { term: 'Skolformer', value: schoolFormNames(request.schoolForms, 'Inga angivna') },
      { term: 'Antal elever', value: formatInteger(request.pupilCount) },
      { term: 'Antal personal', value: formatInteger(request.staffCount) },
      {
        term: 'Personuppgifter',
        value: PERSONAL_DATA_LABELS[request.personalData] ?? request.personalData,
        detail: request.personalData === 'NONE' ? '' : request.personalDataDescription.trim(),
      },
      { term: 'Önskat startdatum', value: request.wantedFrom ?? 'Inget angivet' },
      ...(request.whatChanged
        ? [{ term: 'Vad som har ändrats sedan avslaget', value: request.whatChanged, text: true }]
        : []),
      ...(request.joinedUnits.length > 0
        ? [
            {
              term: 'Anslutna enheter',
              value: request.joinedUnits
                .map((unit) => `${unit.unitName} (${formatInteger(unit.pupilCount)} elever)`)
                .join(', '),
              detail: request.joinedUnits
                .map((unit) => `${unit.unitName}: ${unit.need}`)
                .join('\n'),
            },
          ]
        : []),
      { term: 'Begärd av', value: `${request.requesterName}, ${dayInSweden(request.createdAt)}` },
    ];
    if (routine) facts.push({ term: 'Tillstyrkan', value: endorsement(request) });
    facts.push({ term: 'Inskickad', value: submitted(request, routine) });
    if (routine && request.coveredBy) {
      const covered = request.coveredBy;
      facts.push({
        term: 'Täcks redan av',
        value: `Avtal ${covered.agreementNumber}, till och med ${covered.endsOn}`,
        detail: covered.text.trim(),
      });
    }
    if (request.implementedBy) {
      const licence = request.implementedBy;
      facts.push({
        term: 'Licens',
        value: `Avtal ${licence.agreementNumber}, ${licence.startsOn} till och med ${licence.endsOn}`,
      });
    }
    return facts;
  });
}

function endorsement(request: RequestDetail): string {
  if (!request.endorsedByName) {
    // A submitted request loses its endorsement only when it is changed after it.
    return request.state === 'SUBMITTED'
      ? 'Ändrad efter tillstyrkan – väntar på att rektor tillstyrker igen'
      : 'Inte tillstyrkt av rektor';
  }
  const day = request.endorsedAt ? ` ${dayInSweden(request.endorsedAt)}` : '';
  return `Tillstyrkt av ${request.endorsedByName}${day}`;
}

/** The day for the school; the moment and how long it has waited for the routine. */
function submitted(request: RequestDetail, routine: boolean): string {
  if (!request.submittedAt) return 'Inte inskickad';
  if (!routine) return dayInSweden(request.submittedAt);
  const age =
    request.ageDays === null
      ? ''
      : ` (${request.ageDays === 1 ? '1 dag' : `${formatInteger(request.ageDays)} dagar`} sedan)`;
  return `${formatDateTime(request.submittedAt)}${age}`;
}
