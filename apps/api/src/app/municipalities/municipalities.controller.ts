import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { MunicipalityDto } from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  /** The municipalities of the registry, by name, without signing in: the sign-in page's choice. */
  @Get()
  list(): Promise<MunicipalityDto[]> {
    return this.municipalities.list();
  }
}
