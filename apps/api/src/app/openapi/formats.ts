import { ApiProperty } from '@nestjs/swagger';

interface FormatOptions {
  description?: string;
  example?: string;
}

/**
 * The string formats the swagger plugin cannot see in a type (`IsoDate` is a plain string), for
 * response classes. `type: String` is needed: without it the property's runtime type, `Object`
 * for `string | null`, would win over the plugin's. Nullability and `required` come from the
 * property's TypeScript type through the plugin.
 */
export const ApiDate = (options: FormatOptions = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date', ...options });

export const ApiDateTime = (options: FormatOptions = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', ...options });

export const ApiUuid = (options: FormatOptions = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'uuid', ...options });
