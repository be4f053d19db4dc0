import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { PERSONAL_DATA_LABELS, type RequestDetail } from '@licensregistret/domain';

import { formatInteger, schoolFormNames } from '../../shared/format/format';
import { dayOf } from '../request-labels';

/** What the request says: the tool, the unit, the need, who and how many, personal data. */
@Component({
  selector: 'lr-request-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (facts(); as facts) {
      <dl class="facts">
        <div>
          <dt>Verktyg</dt>
          <dd>{{ facts.tool }}</dd>
        </div>
        <div>
          <dt>Leverantör</dt>
          <dd>{{ facts.supplier }}</dd>
        </div>
        @if (facts.webAddress; as webAddress) {
          <div>
            <dt>Webbadress</dt>
            <dd>
              <a [href]="webAddress" rel="noopener noreferrer">{{ webAddress }}</a>
            </dd>
          </div>
        }
        <div>
          <dt>Skolenhet</dt>
          <dd>{{ facts.unit }}</dd>
        </div>
        <div>
          <dt>Behov</dt>
          <dd class="text">{{ facts.need }}</dd>
        </div>
        <div>
          <dt>Ämnen</dt>
          <dd>{{ facts.subjects }}</dd>
        </div>
        <div>
          <dt>Målgrupp</dt>
          <dd>{{ facts.targetGroup }}</dd>
        </div>
        <div>
          <dt>Skolformer</dt>
          <dd>{{ facts.schoolForms }}</dd>
        </div>
        <div>
          <dt>Antal elever</dt>
          <dd>{{ facts.pupils }}</dd>
        </div>
        <div>
          <dt>Antal personal</dt>
          <dd>{{ facts.staff }}</dd>
        </div>
        <div>
          <dt>Personuppgifter</dt>
          <dd>
            {{ facts.personalData }}
            @if (facts.personalDataDescription; as description) {
              <span class="text description">{{ description }}</span>
            }
          </dd>
        </div>
        <div>
          <dt>Önskat startdatum</dt>
          <dd>{{ facts.wantedFrom }}</dd>
        </div>
        <div>
          <dt>Begärd av</dt>
          <dd>{{ facts.requester }}</dd>
        </div>
        <div>
          <dt>Inskickad</dt>
          <dd>{{ facts.submitted }}</dd>
        </div>
      </dl>
    }
  `,
  styles: `
    .facts {
      margin: 0;
      max-width: 48rem;
    }
    .facts > div {
      display: grid;
      grid-template-columns: minmax(10rem, 14rem) 1fr;
      gap: 0 1rem;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--lr-border);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .text {
      white-space: pre-line;
    }
    .description {
      display: block;
    }
  `,
})
export class RequestFacts {
  readonly request = input.required<RequestDetail>();

  protected readonly facts = computed(() => {
    const request = this.request();
    const newTool = request.newTool;
    return {
      tool: newTool ? `${newTool.name} (finns inte i katalogen)` : request.toolName,
      supplier: newTool?.supplierName ?? request.service?.supplierName ?? 'Okänd',
      webAddress: newTool?.webAddress ?? request.service?.webAddress ?? null,
      unit: request.unitName,
      need: request.need,
      subjects: request.subjects.length > 0 ? request.subjects.join(', ') : 'Inga angivna',
      targetGroup: request.targetGroup,
      schoolForms: schoolFormNames(request.schoolForms, 'Inga angivna'),
      pupils: formatInteger(request.pupilCount),
      staff: formatInteger(request.staffCount),
      personalData: PERSONAL_DATA_LABELS[request.personalData] ?? request.personalData,
      personalDataDescription:
        request.personalData === 'NONE' ? '' : request.personalDataDescription.trim(),
      wantedFrom: request.wantedFrom ?? 'Inget angivet',
      requester: `${request.requesterName}, ${dayOf(request.createdAt)}`,
      submitted: request.submittedAt ? dayOf(request.submittedAt) : 'Inte inskickad',
    };
  });
}
