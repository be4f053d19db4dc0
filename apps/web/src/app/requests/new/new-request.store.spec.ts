import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SCHOOL_FORMS } from '@licensregistret/domain';

import { testEntry } from '../../catalogue/catalogue.testing';
import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { flagsOf } from '../../shared/forms/flags';
import type { RequestFormValue } from '../form/request-form';
import { testRequestDetail } from '../request.testing';
import { NewRequestStore } from './new-request.store';

const haga = { id: 'u-haga', name: 'Hagaskolan F-6' };

function formValue(overrides: Partial<RequestFormValue> = {}): RequestFormValue {
  return {
    unitId: 'u-haga',
    tool: 'svc-polylino',
    newToolName: '',
    newToolSupplier: '',
    newToolWebAddress: '',
    need: 'Bilderböcker på modersmålet.',
    subjects: 'Svenska',
    targetGroup: 'Nyanlända elever',
    schoolForms: flagsOf(SCHOOL_FORMS, ['GR']),
    pupilCount: 40,
    staffCount: 4,
    personalData: 'NONE',
    personalDataDescription: '',
    wantedFrom: '',
    ...overrides,
  };
}

describe('NewRequestStore', () => {
  let http: HttpTestingController;
  let store: NewRequestStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), NewRequestStore],
    });
    http = TestBed.inject(HttpTestingController);
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    store = TestBed.inject(NewRequestStore);
  });

  afterEach(() => http.verify());

  it('offers the person’s own units', () => {
    expect(store.units()).toEqual([haga]);
  });

  it('saves a draft with the request’s content and answers the saved request', async () => {
    const saving = store.save(formValue(), testEntry());
    expect(store.saving()).toBe(true);
    const request = http.expectOne({ method: 'POST', url: '/api/requests' });
    expect(request.request.body).toMatchObject({
      unitId: 'u-haga',
      serviceId: 'svc-polylino',
      newTool: null,
      subjects: ['Svenska'],
      pupilCount: 40,
    });
    request.flush(testRequestDetail({ id: 'r-7' }));
    expect((await saving)?.id).toBe('r-7');
    expect(store.saving()).toBe(false);
  });

  it('sends nothing while the form has mistakes', async () => {
    expect(await store.save(formValue({ need: '', pupilCount: null }), null)).toBeNull();
    http.expectNone('/api/requests');
    expect(Object.keys(store.errors().fields)).toEqual(['need', 'pupilCount']);
  });

  it('refuses a service the unit already has', async () => {
    const licensed = testEntry({
      licensedUnits: [
        { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
      ],
    });
    expect(await store.save(formValue(), licensed)).toBeNull();
    http.expectNone('/api/requests');
    expect(store.errors().fields['serviceId']).toEqual([
      'Verktyget finns redan för skolenheten. Du behöver inte begära det.',
    ]);
  });

  it('puts a field the API refuses next to that field', async () => {
    const saving = store.save(formValue(), testEntry());
    http.expectOne('/api/requests').flush(
      {
        type: 'urn:licensregistret:problem:invalid',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'body.targetGroup', messages: ['targetGroup should not be empty'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await saving).toBeNull();
    expect(store.errors().fields['targetGroup']).toEqual([
      'Ange vilka elever eller vilken personal verktyget är till för.',
    ]);
  });
});
