import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { COMPULSORY_STAGES, SCHOOL_FORMS, type SchoolUnit } from '@licensregistret/domain';

import { flagsOf } from '../../shared/forms/flags';
import { VERSION_CONFLICT_MESSAGE } from '../../shared/forms/form-errors';
import { type SchoolUnitFormValue, toSchoolUnitFormValue } from './school-unit-form';
import { SchoolUnitFormStore } from './school-unit-form.store';

const unit: SchoolUnit = {
  id: 'u1',
  administrationId: 'a1',
  name: 'Mellringeskolan 7-9',
  code: '18273645',
  schoolForms: ['GR'],
  compulsoryStages: ['7-9'],
  pupilCount: 410,
  networkGroup: 'Väster',
  principalId: null,
  principalName: null,
  version: 3,
};

const blank: SchoolUnitFormValue = {
  name: '',
  code: '',
  administrationId: '',
  schoolForms: flagsOf(SCHOOL_FORMS),
  compulsoryStages: flagsOf(COMPULSORY_STAGES),
  pupilCount: null,
  networkGroup: '',
  principalId: '',
};

describe('SchoolUnitFormStore', () => {
  let http: HttpTestingController;
  let store: SchoolUnitFormStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), SchoolUnitFormStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SchoolUnitFormStore);
  });

  afterEach(() => http.verify());

  async function load(id: string | null): Promise<void> {
    const done = store.load(id);
    http
      .expectOne('/api/administrations')
      .flush([{ id: 'a1', name: 'Förvaltning förskola och skola', municipalityName: 'Kommunen' }]);
    const principals = http.expectOne((r) => r.url === '/api/accounts');
    expect(principals.request.params.toString()).toBe(
      'role=PRINCIPAL&limit=200&sort=displayName:asc',
    );
    principals.flush({ rows: [], total: 0 });
    if (id) http.expectOne(`/api/school-units/${id}`).flush(unit);
    await done;
  }

  it('names every missing field in Swedish before calling the API', async () => {
    await load(null);

    expect(await store.save({ ...blank, code: '123' })).toBe(false);

    expect(Object.keys(store.errors().fields).sort()).toEqual([
      'administrationId',
      'code',
      'name',
      'networkGroup',
      'pupilCount',
      'schoolForms',
    ]);
    expect(store.errors().fields['code']).toEqual([
      'Skolenhetskoden ska vara åtta siffror, eller lämnas tom.',
    ]);
  });

  it('asks for the stages of compulsory school', async () => {
    await load(null);
    const value = {
      ...toSchoolUnitFormValue(unit),
      compulsoryStages: flagsOf(COMPULSORY_STAGES),
    };
    expect(await store.save(value)).toBe(false);
    expect(Object.keys(store.errors().fields)).toEqual(['compulsoryStages']);
  });

  it('creates a unit, leaving out an empty code and stages of other forms', async () => {
    await load(null);
    const value: SchoolUnitFormValue = {
      ...blank,
      name: ' Solrosens förskola ',
      administrationId: 'a1',
      schoolForms: flagsOf(SCHOOL_FORMS, ['FS']),
      compulsoryStages: flagsOf(COMPULSORY_STAGES, ['F-3']),
      pupilCount: 60,
      networkGroup: 'Söder',
    };

    const saved = store.save(value);
    const request = http.expectOne({ method: 'POST', url: '/api/school-units' });
    expect(request.request.body).toEqual({
      administrationId: 'a1',
      name: 'Solrosens förskola',
      code: null,
      schoolForms: ['FS'],
      compulsoryStages: [],
      pupilCount: 60,
      networkGroup: 'Söder',
      principalId: null,
    });
    request.flush({ ...unit, id: 'u2' });
    expect(await saved).toBe(true);
  });

  it('sends the version read, and explains a stale one (409)', async () => {
    await load('u1');

    const saved = store.save({ ...toSchoolUnitFormValue(unit), pupilCount: 420 });
    const request = http.expectOne({ method: 'PATCH', url: '/api/school-units/u1' });
    expect(request.request.body).toMatchObject({ version: 3, pupilCount: 420 });
    request.flush(
      { type: 'about:blank', title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );

    expect(await saved).toBe(false);
    expect(store.errors().general).toEqual([VERSION_CONFLICT_MESSAGE]);
  });

  it('puts a taken code next to the code field (409 naming the field)', async () => {
    await load('u1');

    const saved = store.save(toSchoolUnitFormValue(unit));
    http.expectOne('/api/school-units/u1').flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'code', messages: ['code is already in use'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );

    expect(await saved).toBe(false);
    expect(store.errors().fields['code']).toEqual([
      'Skolenhetskoden används redan av en annan skolenhet.',
    ]);
  });

  it('tells when the unit does not exist', async () => {
    const done = store.load('gone');
    http.expectOne('/api/administrations').flush([]);
    http.expectOne((r) => r.url === '/api/accounts').flush({ rows: [], total: 0 });
    http
      .expectOne('/api/school-units/gone')
      .flush({ status: 404, title: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    await done;
    expect(store.state().status).toBe('not-found');
  });
});
