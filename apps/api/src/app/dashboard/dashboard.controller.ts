import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { DashboardService } from './dashboard.service';
import { DashboardDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The governance figures: agreements, requests, decision times, cost, renewals, equity. */
  @Get()
  get(): Promise<DashboardDto> {
    return this.dashboard.dashboard();
  }
}
