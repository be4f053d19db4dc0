import { Param, ParseUUIDPipe } from '@nestjs/common';

import { AppException } from './app-exception';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => AppException.invalid(name, `${name} must be a UUID`),
    }),
  );
