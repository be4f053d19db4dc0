import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface OperationRef {
  method: (typeof METHODS)[number];
  path: string;
  responses: Record<string, ResponseObject>;
}

export function operationsOf(document: OpenAPIObject): OperationRef[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation
        ? [{ method, path, responses: operation.responses as Record<string, ResponseObject> }]
        : [];
    }),
  );
}

/**
 * What a generated client needs of an operation's answer: a 2xx with a schema for each of its
 * media types, or a 204 without a body, or (single sign-on) a redirect naming its Location.
 * Returns what is missing, `<METHOD> <path>` for each operation; empty when nothing is.
 */
export function operationsWithoutSuccessSchema(document: OpenAPIObject): string[] {
  return operationsOf(document)
    .filter(({ responses }) => {
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) {
        return !Object.entries(responses).some(
          ([status, response]) => /^3\d\d$/.test(status) && response.headers?.['Location'],
        );
      }
      return !success.every(([status, response]) =>
        status === '204'
          ? response.content === undefined
          : Object.values(response.content ?? {}).length > 0 &&
            Object.values(response.content ?? {}).every((media) => media.schema !== undefined),
      );
    })
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
}
