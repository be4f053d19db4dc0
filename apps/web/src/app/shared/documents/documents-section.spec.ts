import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { PROBLEM_TYPES } from '@licensregistret/domain';

import { DocumentsSection } from './documents-section';
import { testDocument } from './documents.testing';

describe('DocumentsSection', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DocumentsSection],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function settle(fixture: ComponentFixture<DocumentsSection>): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function render(mayUpload = true, documents = [testDocument()]) {
    const fixture = TestBed.createComponent(DocumentsSection);
    fixture.componentRef.setInput('ownerType', 'agreement');
    fixture.componentRef.setInput('ownerId', 'a-1');
    fixture.componentRef.setInput('ownerName', 'avtalet');
    fixture.detectChanges();
    http.expectOne('/api/agreements/a-1/documents').flush({ documents, mayUpload });
    await settle(fixture);
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function choose(element: HTMLElement, kind: string, file: File | null) {
    const select = element.querySelector('select') as HTMLSelectElement;
    select.value = kind;
    select.dispatchEvent(new Event('change'));
    const input = element.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: file ? [file] : [], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  const submit = (element: HTMLElement) =>
    (element.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));

  it('lists each document as a download link with its kind, size and who uploaded it', async () => {
    const { element } = await render(false);
    const link = element.querySelector('a[download]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/documents/doc-1/content');
    expect(link.textContent).toBe('Avtal.pdf');
    expect(element.textContent).toContain('Undertecknat avtal, PDF, 2 kB.');
    expect(element.textContent).toContain('Petra Upphandlare');
    expect(element.querySelector('form')).toBeNull();
  });

  it('says what is missing before sending, then uploads the kind and the file', async () => {
    const { fixture, element } = await render(true, []);
    expect(element.textContent).toContain('Inga dokument är uppladdade till avtalet.');
    submit(element);
    await settle(fixture);
    expect(element.querySelector('.error-summary')?.textContent).toContain(
      'Välj vilken typ av dokument det är.',
    );
    expect(element.querySelector('.error-summary')?.textContent).toContain(
      'Välj en fil att ladda upp.',
    );

    const file = new File(['%PDF-1.4'], 'Avtal.pdf', { type: 'application/pdf' });
    choose(element, 'SIGNED_AGREEMENT', file);
    submit(element);
    const call = http.expectOne('/api/agreements/a-1/documents');
    expect(call.request.method).toBe('POST');
    const body = call.request.body as FormData;
    expect([...body.keys()]).toEqual(['kind', 'file']);
    expect(body.get('kind')).toBe('SIGNED_AGREEMENT');
    expect((body.get('file') as File).name).toBe('Avtal.pdf');
    call.flush(testDocument());
    await settle(fixture);
    expect(element.querySelector('a[download]')?.textContent).toBe('Avtal.pdf');
    expect(element.querySelector('[role=status]')?.textContent).toBe('Avtal.pdf är uppladdat.');
    expect(element.querySelector('.error-summary')).toBeNull();
  });

  it('shows the API’s refusal of the file’s type at the file field', async () => {
    const { fixture, element } = await render(true, []);
    choose(element, 'OTHER', new File(['MZ'], 'faktura.pdf'));
    submit(element);
    http.expectOne('/api/agreements/a-1/documents').flush(
      {
        type: PROBLEM_TYPES.UNSUPPORTED_TYPE,
        title: 'Unsupported Media Type',
        status: 415,
        errors: [{ field: 'file', messages: ['file must be a PDF'] }],
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await settle(fixture);
    const input = element.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const errorId = (input.getAttribute('aria-describedby') ?? '').split(' ')[1] as string;
    expect(element.querySelector(`#${errorId}`)?.textContent).toContain(
      'Typen avgörs av filens innehåll',
    );
  });

  it('removes a document only after a yes, and says so', async () => {
    const { fixture, element } = await render(true);
    (element.querySelector('button[aria-label="Ta bort Avtal.pdf"]') as HTMLButtonElement).click();
    await settle(fixture);
    const yes = element.querySelector('.confirm .button') as HTMLButtonElement;
    expect(document.activeElement).toBe(yes);
    yes.click();
    const call = http.expectOne('/api/documents/doc-1');
    expect(call.request.method).toBe('DELETE');
    call.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(element.querySelector('a[download]')).toBeNull();
    expect(element.querySelector('[role=status]')?.textContent).toBe('Avtal.pdf är borttaget.');
  });
});
