import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Dashboard } from '@licensregistret/domain';

import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The governance figures: agreements, requests, decision times, cost, renewals, equity. */
  @Get()
  get(): Promise<Dashboard> {
    return this.dashboard.dashboard();
  }
}
