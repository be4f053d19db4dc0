import { HttpErrorResponse } from '@angular/common/http';

import type { ProblemDetails } from '@licensregistret/domain';

import { SAVE_FAILED_MESSAGE, VERSION_CONFLICT_MESSAGE, formErrorsFromHttp } from './form-errors';

const messages = {
  code: { invalid: 'Koden ska vara åtta siffror.', duplicate: 'Koden används redan.' },
  schoolForms: { invalid: 'Välj minst en skolform.' },
};

function problem(status: number, body: Partial<ProblemDetails>): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { type: 'about:blank', title: 'Error', status, ...body },
  });
}

describe('formErrorsFromHttp', () => {
  it('puts a refused value next to its field, nested paths under their top field', () => {
    const errors = formErrorsFromHttp(
      problem(400, {
        errors: [
          { field: 'code', messages: ['code must match /^\\d{8}$/'] },
          { field: 'schoolForms.0', messages: ['each value must be a school form'] },
        ],
      }),
      messages,
    );
    expect(errors).toEqual({
      fields: { code: ['Koden ska vara åtta siffror.'], schoolForms: ['Välj minst en skolform.'] },
      general: [],
    });
  });

  it('says a value is taken when a 409 names the field', () => {
    const errors = formErrorsFromHttp(
      problem(409, { errors: [{ field: 'code', messages: ['code is already in use'] }] }),
      messages,
    );
    expect(errors.fields).toEqual({ code: ['Koden används redan.'] });
  });

  it('says someone else changed the record when a 409 names no field', () => {
    expect(formErrorsFromHttp(problem(409, {}), messages)).toEqual({
      fields: {},
      general: [VERSION_CONFLICT_MESSAGE],
    });
    expect(VERSION_CONFLICT_MESSAGE).toBe(
      'Någon annan har ändrat uppgifterna. Ladda om sidan och försök igen.',
    );
  });

  it('recognises a stale version by its problem type too', () => {
    const errors = formErrorsFromHttp(
      problem(409, {
        type: 'urn:licensregistret:problem:stale-version',
        errors: [{ field: 'version', messages: ['stale'] }],
      }),
      messages,
    );
    expect(errors.general).toEqual([VERSION_CONFLICT_MESSAGE]);
  });

  it('lists a refused field the form does not know for the whole form', () => {
    const errors = formErrorsFromHttp(
      problem(400, { errors: [{ field: 'colour', messages: ['colour should not exist'] }] }),
      messages,
    );
    expect(errors).toEqual({ fields: {}, general: ['colour: colour should not exist'] });
  });

  it('asks to try again when the API does not answer', () => {
    expect(formErrorsFromHttp(new HttpErrorResponse({ status: 0 }), messages)).toEqual({
      fields: {},
      general: [SAVE_FAILED_MESSAGE],
    });
  });
});
