import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { PRODUCT_NAME } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import {
  ACCESSIBILITY_CONTACT,
  ACCESSIBILITY_STATEMENT_DATE,
  DIGG_REPORT_URL,
  accessibilityMailto,
} from './accessibility-contact';
import { PUBLIC_PATHS } from './public-paths';

/**
 * Where the statement sends reports: the municipality's address, or (none set, or the API not
 * answering) its contact centre, named without an address.
 */
type Contact =
  | { kind: 'loading' }
  | { kind: 'email'; email: string; mailto: string }
  | { kind: 'contact-centre' };

/**
 * Tillgänglighetsredogörelse (`/tillganglighet`, no sign-in), as lag (2018:1937) om
 * tillgänglighet till digital offentlig service requires, with a way to report problems.
 */
@Component({
  selector: 'lr-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="statement">
      <h1>Tillgänglighetsredogörelse</h1>
      <p class="lead">
        Kommunen står bakom {{ productName }}. Vi vill att så många som möjligt ska kunna använda
        webbplatsen. Här beskriver vi hur {{ productName }} uppfyller lagen (2018:1937) om
        tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan
        rapportera problem till oss.
      </p>

      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>
        Webbplatsen är byggd för att följa WCAG 2.1 på nivå AA. Den går att använda med enbart
        tangentbord, sidorna har rubriker och landmärken, och formulär har synliga etiketter och
        felmeddelanden som hör till rätt fält. Vi känner ändå till brister, som beskrivs nedan.
      </p>

      @let to = contact();
      <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
      @if (to.kind === 'email') {
        <p>
          Om du behöver innehåll från {{ productName }} i ett annat format, eller inte kan använda
          en del av webbplatsen, kan du kontakta oss på <a [href]="to.mailto">{{ to.email }}</a>. Du
          får svar inom {{ answerWithin }}.
        </p>
      } @else if (to.kind === 'contact-centre') {
        <p>
          Om du behöver innehåll från {{ productName }} i ett annat format, eller inte kan använda
          en del av webbplatsen, kan du kontakta kommunens kontaktcenter. Du får svar inom
          {{ answerWithin }}.
        </p>
      } @else {
        <p>Hämtar kontaktuppgifter …</p>
      }

      <h2 id="rapportera">Rapportera brister i webbplatsens tillgänglighet</h2>
      @if (to.kind === 'email') {
        <p>
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som
          inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, skriv
          till <a [href]="to.mailto">{{ to.email }}</a>. Berätta gärna vilken sida det gäller och
          vad som inte fungerade, så att vi kan rätta det.
        </p>
      } @else if (to.kind === 'contact-centre') {
        <p>
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som
          inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kan
          du rapportera det till kommunens kontaktcenter. Berätta gärna vilken sida det gäller och
          vad som inte fungerade, så att vi kan rätta det.
        </p>
      } @else {
        <p>Hämtar kontaktuppgifter …</p>
      }

      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om
        tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina
        synpunkter kan du
        <a [href]="diggUrl" rel="noopener noreferrer">anmäla det till Digg</a>.
      </p>

      <h2>Teknisk information om webbplatsens tillgänglighet</h2>
      <p>
        {{ productName }} är delvis förenlig med lagen om tillgänglighet till digital offentlig
        service, på grund av de brister som beskrivs nedan.
      </p>

      <h3>Innehåll som inte är tillgängligt</h3>
      <ul>
        <li>
          Långa listor (till exempel begäranden och avtal) visas i tabeller som hämtar rader
          efterhand. Med skärmläsare kan det vara svårt att få en överblick över alla rader. Varje
          begäran och varje avtal har också en egen sida med samma uppgifter, och avtalslistan kan
          exporteras till en fil.
        </li>
        <li>
          Texter som skrivs av användare, till exempel motiveringar till beslut, granskas inte för
          tillgänglighet innan de visas.
        </li>
      </ul>

      <h2>Hur vi har testat webbplatsen</h2>
      <p>
        Varje ändring av {{ productName }} testas automatiskt i webbläsaren mot WCAG 2.1 nivå A och
        AA med verktyget axe, och koden kontrolleras för etiketter och tangentbordsanvändning.
        Redogörelsen granskades senast den
        <time [attr.datetime]="statementDate">{{ statementDate }}</time>.
      </p>

      <p><a [routerLink]="servicesPath">Till listan över tjänster och beslut</a></p>
    </div>
  `,
  styles: `
    .statement {
      max-width: 48rem;
    }
    h2 {
      font-size: 1.25rem;
      margin-top: 1.75rem;
    }
    h3 {
      font-size: 1.0625rem;
    }
    li {
      margin-bottom: 0.5rem;
    }
  `,
})
export class AccessibilityPage implements OnInit {
  private readonly auth = inject(AuthStore);

  protected readonly productName = PRODUCT_NAME;
  protected readonly answerWithin = ACCESSIBILITY_CONTACT.answerWithin;
  protected readonly contact = computed<Contact>(() => {
    const state = this.auth.config();
    if (state.kind === 'loading') return { kind: 'loading' };
    const email = state.kind === 'loaded' ? state.config.accessibilityContact : null;
    return email
      ? { kind: 'email', email, mailto: accessibilityMailto(email) }
      : { kind: 'contact-centre' };
  });
  protected readonly diggUrl = DIGG_REPORT_URL;
  protected readonly statementDate = ACCESSIBILITY_STATEMENT_DATE;
  protected readonly servicesPath = PUBLIC_PATHS.services;

  ngOnInit(): void {
    // The address comes with the sign-in page's settings; read them unless already at hand.
    if (this.auth.config().kind !== 'loaded') void this.auth.loadConfig();
  }
}
