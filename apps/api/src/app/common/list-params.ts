import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import {
  DEFAULT_PAGE_SIZE,
  type ListQuery,
  MAX_LIST_OFFSET,
  MAX_PAGE_SIZE,
  type SortDirection,
} from '@licensregistret/domain';

/** A query-string flag: `true` and `false` become booleans; anything else is left for IsBoolean to refuse. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Paging shared by every list endpoint; subclasses add `sort` with their own columns. */
export class PageQueryDto implements ListQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'Rows to skip' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_LIST_OFFSET)
  offset?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Rows in the page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    default: true,
    description:
      '`false` skips the count (a later page of a list already counted): `total` is then null',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  withTotal?: boolean;
}

/**
 * The list's total from `count`, unless the caller has it already (`withTotal=false`): counting
 * every match costs more than reading a page, so a grid counts with its first page only.
 */
export async function totalUnlessKnown(
  query: PageQueryDto,
  count: () => Promise<{ total: number }[]>,
): Promise<number | null> {
  if (query.withTotal === false) return null;
  const [{ total }] = await count();
  return total;
}

/** A class-validator check that `sort` is `<one of columns>:<asc|desc>`. */
export function SortOf(columns: readonly string[]): PropertyDecorator {
  return Matches(new RegExp(`^(${columns.join('|')}):(asc|desc)$`), {
    message: `sort must be <column>:<asc|desc> with column one of ${columns.join(', ')}`,
  });
}

/** The values a list's `sort` takes, `<column>:asc` and `<column>:desc`, for its OpenAPI enum. */
export function sortValues(columns: readonly string[]): string[] {
  return columns.flatMap((column) => [`${column}:asc`, `${column}:desc`]);
}

export interface Sort<C extends string> {
  column: C;
  direction: SortDirection;
}

export function parseSort<C extends string>(sort: string | undefined, fallback: Sort<C>): Sort<C> {
  if (!sort) return fallback;
  const [column, direction] = sort.split(':') as [C, SortDirection];
  return { column, direction };
}

export function pageOf(query: PageQueryDto): { offset: number; limit: number } {
  return { offset: query.offset ?? 0, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}

/** Makes user text match literally inside a LIKE pattern: % and _ are not wildcards there. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
