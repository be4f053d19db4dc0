import type {
  CoverageMatrix,
  Licence,
  LicenceScope,
  Page,
  SchoolForm,
  UnitServiceLicence,
  UnitWithoutService,
} from '@licensregistret/domain';

import { UnitRefDto } from '../../accounts/dto/account-responses.dto';
import { ApiDate, ApiUuid } from '../../openapi/formats';
import { ServiceRefDto } from './agreement-responses.dto';

export class LicenceDto implements Licence {
  @ApiUuid()
  id!: string;
  @ApiUuid()
  agreementId!: string;
  agreementNumber!: string;
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  scope!: LicenceScope;
  schoolForms!: SchoolForm[];
  units!: UnitRefDto[];
  seatCount!: number | null;
  seatsInUse!: number | null;
  @ApiDate()
  startsOn!: string;
  @ApiDate()
  endsOn!: string;
  version!: number;
}

export class LicencePageDto implements Page<Licence> {
  rows!: LicenceDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}

export class UnitServiceLicenceDto implements UnitServiceLicence {
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  @ApiUuid()
  licenceId!: string;
  @ApiUuid()
  agreementId!: string;
  agreementNumber!: string;
  scope!: LicenceScope;
  @ApiDate()
  endsOn!: string;
}

export class UnitWithoutServiceDto implements UnitWithoutService {
  @ApiUuid()
  id!: string;
  name!: string;
  schoolForms!: SchoolForm[];
  pupilCount!: number;
}

export class CoverageUnitDto {
  @ApiUuid()
  id!: string;
  name!: string;
  networkGroup!: string;
  schoolForms!: SchoolForm[];
  coveredServiceIds!: string[];
}

export class CoverageMatrixDto implements CoverageMatrix {
  services!: ServiceRefDto[];
  units!: CoverageUnitDto[];
}
