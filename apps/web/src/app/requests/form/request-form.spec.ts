import { SCHOOL_FORMS } from '@licensregistret/domain';

import { flagsOf } from '../../shared/forms/flags';
import { testRequestDetail } from '../request.testing';
import {
  NEW_TOOL,
  type RequestFormValue,
  subjectList,
  toRequestContent,
  toRequestFormValue,
  validateRequest,
  webAddress,
} from './request-form';

function formValue(overrides: Partial<RequestFormValue> = {}): RequestFormValue {
  return {
    unitId: 'u-haga',
    tool: 'svc-polylino',
    newToolName: '',
    newToolSupplier: '',
    newToolWebAddress: '',
    need: 'Bilderböcker på modersmålet.',
    subjects: 'Svenska, Modersmål',
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

describe('the request form', () => {
  it('accepts a complete request for a catalogue service', () => {
    expect(validateRequest(formValue())).toEqual({ fields: {}, general: [] });
  });

  it('names every missing part in Swedish', () => {
    const errors = validateRequest(
      formValue({
        unitId: '',
        tool: '',
        need: ' ',
        targetGroup: '',
        schoolForms: flagsOf(SCHOOL_FORMS),
        pupilCount: null,
        staffCount: -1,
        personalData: '',
        wantedFrom: '2026-02-30',
      }),
    );
    expect(Object.keys(errors.fields).sort()).toEqual([
      'need',
      'personalData',
      'pupilCount',
      'schoolForms',
      'serviceId',
      'staffCount',
      'targetGroup',
      'unitId',
      'wantedFrom',
    ]);
    expect(errors.fields['serviceId']).toEqual([
      'Välj ett verktyg i katalogen, eller välj att verktyget inte finns i katalogen.',
    ]);
  });

  it('asks for a new tool’s name, supplier and a real web address', () => {
    const errors = validateRequest(
      formValue({
        tool: NEW_TOOL,
        newToolName: 'Skrivstugan',
        newToolWebAddress: 'inte en adress',
      }),
    );
    expect(Object.keys(errors.fields)).toEqual(['newToolSupplier', 'newToolWebAddress']);
  });

  it('takes at most 20 short subjects', () => {
    const many = Array.from({ length: 21 }, (_, index) => `Ämne ${index}`).join(', ');
    expect(Object.keys(validateRequest(formValue({ subjects: many })).fields)).toEqual([
      'subjects',
    ]);
    expect(Object.keys(validateRequest(formValue({ subjects: 'x'.repeat(101) })).fields)).toEqual([
      'subjects',
    ]);
  });

  it('asks what personal data there is when the tool handles any', () => {
    const errors = validateRequest(formValue({ personalData: 'SPECIAL_CATEGORIES' }));
    expect(errors.fields['personalDataDescription']).toEqual([
      'Beskriv vilka personuppgifter verktyget skulle hantera.',
    ]);
  });

  it('sends a catalogue service by id, and no new tool', () => {
    const content = toRequestContent(formValue({ wantedFrom: '2026-08-15' }));
    expect(content).toEqual({
      unitId: 'u-haga',
      serviceId: 'svc-polylino',
      newTool: null,
      need: 'Bilderböcker på modersmålet.',
      subjects: ['Svenska', 'Modersmål'],
      targetGroup: 'Nyanlända elever',
      schoolForms: ['GR'],
      pupilCount: 40,
      staffCount: 4,
      personalData: 'NONE',
      personalDataDescription: '',
      wantedFrom: '2026-08-15',
      whatChanged: null,
    });
    expect(toRequestContent(formValue({ whatChanged: ' Ny version. ' })).whatChanged).toBe(
      'Ny version.',
    );
  });

  it('sends a new tool with its web address made whole, and no service', () => {
    const content = toRequestContent(
      formValue({
        tool: NEW_TOOL,
        newToolName: ' Skrivstugan ',
        newToolSupplier: 'Skrivstugan AB',
        newToolWebAddress: 'www.skrivstugan.se',
        personalData: 'PUPILS_ORDINARY',
        personalDataDescription: 'Namn och klass',
      }),
    );
    expect(content.serviceId).toBeNull();
    expect(content.newTool).toEqual({
      name: 'Skrivstugan',
      supplierName: 'Skrivstugan AB',
      webAddress: 'https://www.skrivstugan.se',
    });
    expect(content.personalDataDescription).toBe('Namn och klass');
    expect(content.wantedFrom).toBeNull();
  });

  it('reads the subjects from commas, semicolons or lines, dropping empty ones', () => {
    expect(subjectList('Svenska, ;Matematik\n Bild ,')).toEqual(['Svenska', 'Matematik', 'Bild']);
    expect(webAddress('http://exempel.se')).toBe('http://exempel.se');
    expect(webAddress('  ')).toBe('');
  });

  it('fills the form from a saved request, a new tool as "not in the catalogue"', () => {
    const value = toRequestFormValue(
      testRequestDetail({
        serviceId: null,
        newTool: {
          name: 'Skrivstugan',
          supplierName: 'Skrivstugan AB',
          webAddress: 'https://s.se',
        },
        wantedFrom: null,
      }),
    );
    expect(value.tool).toBe(NEW_TOOL);
    expect(value.newToolName).toBe('Skrivstugan');
    expect(value.subjects).toBe('Svenska, Svenska som andraspråk');
    expect(value.schoolForms.GR).toBe(true);
    expect(value.schoolForms.FS).toBe(false);
    expect(value.wantedFrom).toBe('');
    expect(validateRequest(value)).toEqual({ fields: {}, general: [] });
  });
});
