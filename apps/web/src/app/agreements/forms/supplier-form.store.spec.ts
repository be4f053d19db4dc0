import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { PROBLEM_TYPES, type Supplier } from '@licensregistret/domain';

import { toSupplierFormValue } from './supplier-form';
import { SupplierFormStore } from './supplier-form.store';

const supplier: Supplier = {
  id: 's1',
  name: 'Natur & Kultur',
  organisationNumber: '556036-0793',
  contactName: null,
  contactEmail: null,
  webAddress: null,
  version: 2,
};

describe('SupplierFormStore', () => {
  let http: HttpTestingController;
  let store: SupplierFormStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), SupplierFormStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SupplierFormStore);
  });

  afterEach(() => http.verify());

  async function loadExisting(): Promise<void> {
    const done = store.load('s1');
    http.expectOne('/api/suppliers/s1').flush(supplier);
    await done;
  }

  it('names what is wrong in Swedish before calling the API', async () => {
    await store.load(null);
    const saved = await store.save({
      ...toSupplierFormValue(null),
      organisationNumber: '556036-0794',
      contactEmail: 'inte en adress',
    });
    expect(saved).toBeNull();
    expect(store.errors().fields).toEqual({
      name: ['Ange leverantörens namn (högst 200 tecken).'],
      organisationNumber: [expect.stringContaining('fel kontrollsiffra')],
      contactEmail: ['Ange en e-postadress, till exempel namn@foretag.se, eller lämna tomt.'],
    });
  });

  it('creates a supplier with empty optional fields as null', async () => {
    await store.load(null);
    const saving = store.save({
      ...toSupplierFormValue(null),
      name: ' Liber AB ',
      organisationNumber: '556036-0793',
    });
    const request = http.expectOne({ method: 'POST', url: '/api/suppliers' });
    expect(request.request.body).toEqual({
      name: 'Liber AB',
      organisationNumber: '556036-0793',
      contactName: null,
      contactEmail: null,
      webAddress: null,
    });
    request.flush({ ...supplier, id: 's9', name: 'Liber AB', version: 1 });
    expect(await saving).toMatchObject({ id: 's9' });
  });

  it('puts a taken organisation number at its field', async () => {
    await store.load(null);
    const saving = store.save({ ...toSupplierFormValue(supplier), name: 'Kopia' });
    http.expectOne('/api/suppliers').flush(
      {
        type: PROBLEM_TYPES.DUPLICATE,
        status: 409,
        title: 'Duplicate',
        errors: [{ field: 'organisationNumber', messages: ['taken'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await saving).toBeNull();
    expect(store.errors().fields['organisationNumber']).toEqual([
      'Det finns redan en leverantör med det organisationsnumret.',
    ]);
  });

  it('keeps a stale save’s current record as the conflict, and rebases on it', async () => {
    await loadExisting();
    const saving = store.save({ ...toSupplierFormValue(supplier), contactName: 'Eva' });
    const request = http.expectOne({ method: 'PATCH', url: '/api/suppliers/s1' });
    expect(request.request.body).toMatchObject({ contactName: 'Eva', version: 2 });
    const current = { ...supplier, name: 'Natur och Kultur', version: 3 };
    request.flush(
      { type: PROBLEM_TYPES.STALE_VERSION, status: 409, title: 'Stale', current },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await saving).toBeNull();
    expect(store.state().conflict).toEqual(current);
    expect(store.errors().general).toEqual([]);

    // Saving again is refused until the person chooses how to go on.
    expect(await store.save(toSupplierFormValue(supplier))).toBeNull();

    expect(store.rebase()).toEqual({ read: supplier, current });
    expect(store.state()).toMatchObject({ record: current, conflict: null });
    const again = store.save({ ...toSupplierFormValue(current), contactName: 'Eva' });
    const retry = http.expectOne({ method: 'PATCH', url: '/api/suppliers/s1' });
    expect(retry.request.body).toMatchObject({ name: 'Natur och Kultur', version: 3 });
    retry.flush({ ...current, contactName: 'Eva', version: 4 });
    expect(await again).toMatchObject({ version: 4 });
  });

  it('says when the supplier does not exist', async () => {
    const done = store.load('gone');
    http
      .expectOne('/api/suppliers/gone')
      .flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
    await done;
    expect(store.state().status).toBe('not-found');
  });
});
