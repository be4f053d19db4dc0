import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { PERSONAL_DATA_LABELS, type RequestDetail } from '@licensregistret/domain';

import { formatDateTime, formatInteger, schoolFormNames } from '../../shared/format/format';
import { datePart } from '../decision-labels';

/** What the school asks for: the need, the unit, the users, the personal data, the endorsement. */
@Component({
  selector: 'lr-request-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let facts = view();
    <section aria-labelledby="request-facts-heading">
      <h3 id="request-facts-heading">Begäran</h3>
      @if (facts.openQuestion; as question) {
        <div class="notice"><strong>Öppen fråga till skolan:</strong> {{ question }}</div>
      }
      <dl class="facts">
        <dt>Skolenhet</dt>
        <dd>{{ facts.unit }}</dd>
        <dt>Beställare</dt>
        <dd>{{ facts.requester }}</dd>
        <dt>Tillstyrkan</dt>
        <dd>{{ facts.endorsement }}</dd>
        <dt>Verktyg</dt>
        <dd>
          {{ facts.tool }}
          @if (facts.newTool; as tool) {
            <br />Nytt verktyg från {{ tool.supplierName }}
            @if (tool.webAddress) {
              – <a [href]="tool.webAddress" rel="noopener noreferrer">{{ tool.webAddress }}</a>
            }
          }
        </dd>
        <dt>Behov</dt>
        <dd class="text">{{ facts.need }}</dd>
        <dt>Ämnen</dt>
        <dd>{{ facts.subjects }}</dd>
        <dt>Målgrupp</dt>
        <dd>{{ facts.targetGroup }}</dd>
        <dt>Skolformer</dt>
        <dd>{{ facts.schoolForms }}</dd>
        <dt>Användare</dt>
        <dd>{{ facts.users }}</dd>
        <dt>Personuppgifter</dt>
        <dd>
          {{ facts.personalData }}
          @if (facts.personalDataDescription) {
            <br />{{ facts.personalDataDescription }}
          }
        </dd>
        <dt>Önskas från</dt>
        <dd>{{ facts.wantedFrom }}</dd>
        <dt>Inskickad</dt>
        <dd>{{ facts.submitted }}</dd>
        @if (facts.coveredBy; as covered) {
          <dt>Täcks redan av</dt>
          <dd>{{ covered }}</dd>
        }
      </dl>
    </section>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, auto) 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .text {
      white-space: pre-line;
    }
  `,
})
export class RequestFacts {
  readonly request = input.required<RequestDetail>();

  protected readonly view = computed(() => {
    const request = this.request();
    const age =
      request.ageDays === null
        ? ''
        : ` (${request.ageDays === 1 ? '1 dag' : `${formatInteger(request.ageDays)} dagar`} sedan)`;
    return {
      unit: request.unitName,
      requester: request.requesterName,
      endorsement: request.endorsedByName
        ? `Tillstyrkt av ${request.endorsedByName}${request.endorsedAt ? ` ${datePart(request.endorsedAt)}` : ''}`
        : 'Inte tillstyrkt av rektor',
      tool: request.toolName,
      newTool: request.serviceId === null ? request.newTool : null,
      need: request.need,
      subjects: request.subjects.length > 0 ? request.subjects.join(', ') : 'Inte angivet',
      targetGroup: request.targetGroup || 'Inte angiven',
      schoolForms: schoolFormNames(request.schoolForms, 'Inte angivet'),
      users: `${formatInteger(request.pupilCount)} elever, ${formatInteger(request.staffCount)} personal`,
      personalData: PERSONAL_DATA_LABELS[request.personalData],
      personalDataDescription: request.personalDataDescription,
      wantedFrom: request.wantedFrom ?? 'Inte angivet',
      submitted: request.submittedAt ? `${formatDateTime(request.submittedAt)}${age}` : '',
      openQuestion: request.state === 'NEEDS_INFO' ? request.openQuestion : null,
      coveredBy: request.coveredBy
        ? `Avtal ${request.coveredBy.agreementNumber}, till ${request.coveredBy.endsOn}` +
          (request.coveredBy.text ? `. ${request.coveredBy.text}` : '')
        : null,
    };
  });
}
