import { Module } from '@nestjs/common';

import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { PublicController } from './public.controller';

@Module({ imports: [MunicipalitiesModule], controllers: [PublicController] })
export class PublicModule {}
