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
});
