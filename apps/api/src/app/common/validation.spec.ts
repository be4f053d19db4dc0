import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';

import { RequestValidationException, createValidationPipe } from './validation';

class ContactDto {
  @IsString()
  email!: string;
}

class SupplierDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(0)
  annualCost!: number;

  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: SupplierDto });

  it('passes a valid body through as an instance of the DTO', async () => {
    const result = await validate({ name: 'NE', annualCost: 10, contact: { email: 'a@b.se' } });
    expect(result).toBeInstanceOf(SupplierDto);
  });

  it('names every refused field, nested ones by their path, and unknown fields too', async () => {
    const error = await validate({
      name: 42,
      annualCost: -1,
      contact: { email: 7 },
      isAdmin: true,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationException);
    const fields = (error as RequestValidationException).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['annualCost', 'contact.email', 'isAdmin', 'name']);
    expect((error as RequestValidationException).errors.find((e) => e.field === 'isAdmin')).toEqual(
      {
        field: 'isAdmin',
        messages: ['property isAdmin should not exist'],
      },
    );
  });

  it('refuses text PostgreSQL cannot store or that is broken Unicode, by field, before anything reads it', async () => {
    const error = await validate({
      name: 'N\u0000E',
      annualCost: 10,
      contact: { email: '\udfff@b.se' },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RequestValidationException);
    expect((error as RequestValidationException).errors.map((item) => item.field)).toEqual([
      'name',
      'contact.email',
    ]);
    const paired = await validate({ name: 'NE 😀', annualCost: 10, contact: { email: 'a@b.se' } });
    expect(paired).toBeInstanceOf(SupplierDto);
  });

  it('checks a query string the same way', async () => {
    const error = await pipe
      .transform({ q: '\u0000' }, { type: 'query', metatype: Object })
      .catch((caught: unknown) => caught);
    expect((error as RequestValidationException).errors).toEqual([
      { field: 'q', messages: ['q contains a NUL character or broken Unicode'] },
    ]);
  });

  it('refuses __proto__, constructor and prototype keys as unknown fields, which Nest would drop unseen', async () => {
    const body = JSON.parse(
      '{"name":"NE","annualCost":10,"contact":{"email":"a@b.se","__proto__":{"x":1}},' +
        '"constructor":{"prototype":{}},"__proto__":[]}',
    ) as unknown;
    const error = await validate(body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationException);
    expect((error as RequestValidationException).errors).toEqual([
      { field: 'contact.__proto__', messages: ['property __proto__ should not exist'] },
      { field: 'constructor', messages: ['property constructor should not exist'] },
      { field: '__proto__', messages: ['property __proto__ should not exist'] },
    ]);
  });
});
