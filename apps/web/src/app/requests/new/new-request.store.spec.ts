import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SCHOOL_FORMS } from '@licensregistret/domain';

import { testToolMatch } from '../../catalogue/catalogue.testing';
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
    whatChanged: '',
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
    const saving = store.save(formValue(), testToolMatch());
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
    const licensed = testToolMatch({
      licensedUnits: [
        { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
      ],
    });
    expect(await store.save(formValue(), licensed)).toBeNull();
    http.expectNone('/api/requests');
    expect(store.errors().fields['serviceId']).toEqual([
      'Skolenheten har redan verktyget eller en begäran om det. Se sökresultatet: du behöver inte begära det igen.',
    ]);
  });

  it('refuses a tool the unit already asks for, in a request of its own or one it joined', async () => {
    const own = testToolMatch({
      requests: [
        {
          id: 'r-1',
          number: 4,
          unitId: 'u-haga',
          unitName: 'Hagaskolan F-6',
          state: 'DRAFT',
          ownUnit: true,
          joinedByOwnUnit: false,
        },
      ],
    });
    expect(await store.save(formValue(), own)).toBeNull();
    http.expectNone('/api/requests');
    expect(Object.keys(store.errors().fields)).toEqual(['serviceId']);
  });

  it('asks again for a rejected tool only with what has changed, and sends it', async () => {
    const rejected = testToolMatch({
      catalogueStatus: 'REJECTED',
      rejection: { decidedOn: '2026-10-05', reasons: ['AGREEMENT'], text: 'Inget avtal.' },
    });
    expect(await store.save(formValue(), rejected)).toBeNull();
    http.expectNone('/api/requests');
    expect(store.errors().fields['whatChanged']).toEqual([
      'Verktyget har avslagits. Beskriv vad som har ändrats sedan beslutet.',
    ]);

    const saving = store.save(formValue({ whatChanged: ' Nytt avtal finns. ' }), rejected);
    const request = http.expectOne({ method: 'POST', url: '/api/requests' });
    expect(request.request.body.whatChanged).toBe('Nytt avtal finns.');
    request.flush(testRequestDetail({ id: 'r-8' }));
    expect((await saving)?.id).toBe('r-8');
  });

  it('joins another unit’s open request with the unit’s pupils and need', async () => {
    expect(await store.join('r-1', 'u-haga', { pupilCount: null, need: ' ' })).toBeNull();
    expect(Object.keys(store.joinErrors().fields)).toEqual(['pupilCount', 'need']);
    http.expectNone('/api/requests/r-1/join');

    const joining = store.join('r-1', 'u-haga', { pupilCount: 45, need: ' Samma behov. ' });
    const request = http.expectOne({ method: 'POST', url: '/api/requests/r-1/join' });
    expect(request.request.body).toEqual({
      unitId: 'u-haga',
      pupilCount: 45,
      need: 'Samma behov.',
    });
    request.flush(testRequestDetail({ id: 'r-1' }));
    expect((await joining)?.id).toBe('r-1');
    expect(store.joinErrors().fields).toEqual({});
  });

  it('says so when the unit already asks for the tool the request is for', async () => {
    const joining = store.join('r-1', 'u-haga', { pupilCount: 45, need: 'Behov.' });
    http.expectOne('/api/requests/r-1/join').flush(
      {
        type: 'urn:licensregistret:problem:conflict',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'unitId', messages: ['the unit has joined request 4'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await joining).toBeNull();
    expect(store.joinErrors().fields['unitId']).toEqual([
      'Skolenheten har redan en begäran om verktyget eller har redan anslutit sig.',
    ]);
  });

  it('puts a field the API refuses next to that field', async () => {
    const saving = store.save(formValue(), testToolMatch());
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
