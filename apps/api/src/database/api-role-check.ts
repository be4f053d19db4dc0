import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BYPASS_CHECK } from './api-login';

/**
 * The API refuses to start on a database role that row-level security would not hold: with
 * it, a forgotten condition could show one municipality's rows to another (docs/tenancy.md).
 */
@Injectable()
export class ApiRoleCheck implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [row] = (await this.dataSource.query(BYPASS_CHECK)) as { reason: string | null }[];
    if (row?.reason) {
      throw new Error(
        `The API's database role ${row.reason}, so row-level security would not hold for it. ` +
          'Connect as a login role of licensregistret_api (DATABASE_APP_URL; see the README).',
      );
    }
  }
}
