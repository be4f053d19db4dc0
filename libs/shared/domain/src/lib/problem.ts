/** One invalid input field and what is wrong with it. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `body.endDate` or `query.limit`. */
  field: string;
  messages: string[];
}

/** An error response, `application/problem+json` as in RFC 9457. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The request id, also sent as the `X-Request-Id` header, to find the request in the logs. */
  requestId?: string;
  /** Present on validation errors: every field that was refused. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
