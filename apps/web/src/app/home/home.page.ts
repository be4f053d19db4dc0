import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { DECISION_REASONS, DECISION_REASON_LABELS, PRODUCT_NAME } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { areasFor } from '../core/layout/navigation';

@Component({
  selector: 'lr-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Välkommen till {{ productName }}</h1>
    <p class="lead">
      Kommunen ersätter skolornas egna avtal för digitala verktyg med kommungemensamma avtal, så att
      kontohantering, kostnader, support, upphandling, GDPR och informationssäkerhet hanteras en
      gång och lika för alla barn och elever. Här ser du vad som redan finns, begär nya verktyg och
      följer besluten.
    </p>

    <h2>Så bedöms en begäran</h2>
    <p>Varje begäran prövas mot fem skäl:</p>
    <dl class="reasons">
      @for (reason of reasons; track reason.code) {
        <div>
          <dt>{{ reason.label }}</dt>
          <dd>{{ reason.meaning }}</dd>
        </div>
      }
    </dl>

    <h2>Områden</h2>
    <ul class="areas">
      @for (area of areas(); track area.path) {
        <li>
          <a [routerLink]="['/', area.path]">{{ area.label }}</a>
          <span>{{ area.description }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .reasons {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.75rem;
      margin: 0;
    }
    .reasons div {
      border: 1px solid var(--lr-border);
      border-radius: 0.5rem;
      padding: 0.75rem 1rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0.25rem 0 0;
    }
    .areas {
      padding-left: 1.25rem;
    }
    .areas li {
      margin-bottom: 0.5rem;
    }
    .areas a {
      font-weight: 600;
      margin-right: 0.5rem;
    }
  `,
})
export class HomePage {
  protected readonly productName = PRODUCT_NAME;
  private readonly auth = inject(AuthStore);
  /** The areas the signed-in roles may use, as in the main navigation. */
  protected readonly areas = computed(() => areasFor(this.auth.roles()));
  protected readonly reasons = DECISION_REASONS.map((code) => ({
    code,
    ...DECISION_REASON_LABELS[code],
  }));
}
