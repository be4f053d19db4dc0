import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { RequestDetail, Role } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testDataProtectionReview, testRequestDetail, testService } from '../decision.testing';
import { REQUEST_PANEL_STORES } from './panel-stores';
import {
  PUBLISH_DECISION_TEXT,
  PUBLISH_REVIEW_TEXT,
  SharedKnowledgeSection,
} from './shared-knowledge';
import { testPublishedDecision, testPublishedReview } from './shared-knowledge.testing';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';

describe('SharedKnowledgeSection', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SharedKnowledgeSection],
      providers: [provideHttpClient(), provideHttpClientTesting(), ...REQUEST_PANEL_STORES],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function settle(fixture: ComponentFixture<SharedKnowledgeSection>): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const shared = {
    serviceVersion: 2,
    reviews: [testPublishedReview(), testPublishedReview({ id: 'pub-own', own: true })],
    decisions: [testPublishedDecision()],
  };

  async function render(roles: Role[], request: RequestDetail = testRequestDetail()) {
    await startAs(sessionUser(roles));
    const fixture = TestBed.createComponent(SharedKnowledgeSection);
    fixture.componentRef.setInput('request', request);
    fixture.detectChanges();
    http.expectOne('/api/services/svc-polylino/shared').flush(shared);
    await settle(fixture);
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function button(element: HTMLElement, name: string): HTMLButtonElement {
    const found = [...element.querySelectorAll('button')].find(
      (candidate) => plain(candidate.textContent) === name,
    );
    if (!found) throw new Error(`No button ${name}`);
    return found;
  }

  it('shows other municipalities’ reviews and decisions with their provenance, not its own', async () => {
    const { element } = await render(['READ_ONLY']);
    expect(plain(element.querySelector('h3')?.textContent)).toBe(
      'Andra kommuners granskningar och beslut',
    );
    const items = [...element.querySelectorAll('article')].map((item) => ({
      heading: plain(item.querySelector('h4')?.textContent),
      facts: [...item.querySelectorAll('dt')].map(
        (dt) => `${plain(dt.textContent)}: ${plain(dt.nextElementSibling?.textContent)}`,
      ),
    }));
    expect(items).toEqual([
      {
        heading: 'Dataskyddsgranskning (GDPR), Örebro kommun',
        facts: [
          'Kommun: Örebro kommun',
          'Roll: Dataskydd',
          'Granskad: 2026-01-15',
          'Publicerad: 2026-02-01',
          'Version: 1 (nu 2)',
          'Utfall: Godkänd med villkor',
          'Villkor: Bara med elevens skolkonto.',
        ],
      },
      {
        heading: 'Beslut i Lindesbergs kommun',
        facts: [
          'Kommun: Lindesbergs kommun',
          'Beslut: Avslagen',
          'Beslutsdatum: 2026-03-02',
          'Publicerad: 2026-03-03',
          'Version: 1',
          'Skäl till avslaget: Ekonomi',
        ],
      },
    ]);
    // A reader may neither adopt nor publish.
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('lets the data protection officer adopt another municipality’s review of their kind', async () => {
    const { fixture, element } = await render(['DATA_PROTECTION']);
    button(element, 'Utgå från granskningen').click();
    fixture.detectChanges();
    const date = element.querySelector<HTMLInputElement>('#adopt-redo-pub-dp');
    if (!date) throw new Error('No redo date');
    expect(plain(element.querySelector('label[for="adopt-redo-pub-dp"]')?.textContent)).toBe(
      'Gör om din granskning senast',
    );
    button(element, 'Utgå från granskningen').click();
    fixture.detectChanges();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/published-reviews/pub-dp/adopt');

    date.value = '20270630';
    button(element, 'Utgå från granskningen').click();
    const adopt = http.expectOne('/api/published-reviews/pub-dp/adopt');
    expect(adopt.request.method).toBe('POST');
    expect(adopt.request.body).toEqual({ serviceId: 'svc-polylino', redoBy: '2027-06-30' });
    adopt.flush(
      testDataProtectionReview({
        adoptedFrom: { id: 'pub-dp', municipality: shared.reviews[0].municipality },
      }),
    );
    await settle(fixture);
    http.expectOne('/api/services/svc-polylino/shared').flush(shared);
    await settle(fixture);
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Din egen granskning utgår nu från granskningen i Örebro kommun. Den finns i tabellen ovan.',
    );
  });

  it('publishes the reviewer’s own review after saying what becomes visible', async () => {
    const { fixture, element } = await render(['DATA_PROTECTION']);
    button(element, 'Publicera').click();
    fixture.detectChanges();
    expect(element.textContent).toContain(PUBLISH_REVIEW_TEXT);
    http.expectNone('/api/reviews/rev-dp/publish');
    button(element, 'Ja, publicera').click();
    const publish = http.expectOne('/api/reviews/rev-dp/publish');
    expect(publish.request.method).toBe('POST');
    publish.flush(testPublishedReview({ id: 'pub-new', own: true }));
    await settle(fixture);
    http.expectOne('/api/services/svc-polylino/shared').flush(shared);
    await settle(fixture);
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Granskningen är publicerad för andra kommuner.',
    );
  });

  it('offers the object specialist to publish a decided service’s decision, and says a 409', async () => {
    const decided = testRequestDetail({
      service: testService({ catalogueStatus: 'APPROVED' }),
    });
    const { fixture, element } = await render(['OBJECT_SPECIALIST'], decided);
    button(element, 'Publicera beslutet').click();
    fixture.detectChanges();
    expect(element.textContent).toContain(PUBLISH_DECISION_TEXT);
    button(element, 'Ja, publicera').click();
    http
      .expectOne('/api/services/svc-polylino/decision/publish')
      .flush({ status: 409, title: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toContain(
      'Publiceringen gick inte',
    );
  });

  it('offers no decision to publish while the service is undecided', async () => {
    const { element } = await render(['OBJECT_SPECIALIST']);
    expect(element.textContent).not.toContain('Publicera beslutet');
  });
});
