/** Collects WHERE conditions and their parameters, numbering the placeholders. */
export class SqlConditions {
  readonly parameters: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a parameter and returns its placeholder, e.g. `$3`. */
  param(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** SQL text and its parameters, ready for `query(...statement)`. */
export type SqlStatement = [text: string, parameters: unknown[]];

/** A list's statement with `LIMIT`/`OFFSET` parameters added: one page of it. */
export function paged(
  [text, parameters]: SqlStatement,
  page: { offset: number; limit: number },
): SqlStatement {
  const next = parameters.length + 1;
  return [`${text} LIMIT $${next} OFFSET $${next + 1}`, [...parameters, page.limit, page.offset]];
}
