import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Municipality } from '@licensregistret/domain';

import { actForMunicipality, runInMunicipality } from '../../database/query-scope';
import { AppException } from '../common/app-exception';

/**
 * The installation's municipalities (a national table, outside row-level security), and how a
 * call that comes before any session (signing in, the public pages) picks the one it acts for.
 */
@Injectable()
export class MunicipalitiesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every municipality, by name. */
  list(): Promise<Municipality[]> {
    return this.dataSource.query(
      `SELECT slug, name FROM municipality ORDER BY name COLLATE "sv-x-icu", slug`,
    ) as Promise<Municipality[]>;
  }

  /**
   * The municipality named by `slug`; without one, the installation's only municipality. An
   * installation of several must be told which (400 naming `field`).
   */
  async idOf(slug: string | undefined, field = 'municipality'): Promise<string> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM municipality WHERE $1::text IS NULL OR slug = $1 ORDER BY slug LIMIT 2`,
      [slug ?? null],
    )) as { id: string }[];
    if (slug !== undefined && rows.length === 0) {
      throw AppException.invalid(field, 'No municipality has this name in the registry.');
    }
    if (rows.length !== 1) {
      throw AppException.invalid(field, 'Say which municipality: the registry serves several.');
    }
    return (rows[0] as { id: string }).id;
  }

  /** Makes the current call act for the municipality `slug` names (see idOf). */
  async actFor(slug: string | undefined, field = 'municipality'): Promise<string> {
    const id = await this.idOf(slug, field);
    actForMunicipality(id);
    return id;
  }

  /** Runs `work` once for each municipality, in its own scope (a background job's round). */
  async forEach<T>(work: (municipalityId: string) => Promise<T>): Promise<T[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM municipality ORDER BY id`)) as {
      id: string;
    }[];
    const results: T[] = [];
    for (const { id } of rows) results.push(await runInMunicipality(id, () => work(id)));
    return results;
  }
}
