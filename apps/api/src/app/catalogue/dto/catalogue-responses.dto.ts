import type {
  CatalogueEntry,
  CatalogueStatus,
  DataLocation,
  DigitalService,
  Page,
  PersonalDataKind,
  SchoolForm,
  ServiceCategory,
  SignInMethod,
  Supplier,
  UnitLicensed,
} from '@licensregistret/domain';

import { ApiDate, ApiUuid } from '../../openapi/formats';

export class SupplierDto implements Supplier {
  @ApiUuid()
  id!: string;
  name!: string;
  organisationNumber!: string;
  contactName!: string | null;
  contactEmail!: string | null;
  webAddress!: string | null;
  version!: number;
}

export class SupplierPageDto implements Page<Supplier> {
  rows!: SupplierDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}

export class DigitalServiceDto implements DigitalService {
  @ApiUuid()
  id!: string;
  name!: string;
  @ApiUuid()
  supplierId!: string;
  supplierName!: string;
  category!: ServiceCategory;
  description!: string;
  schoolForms!: SchoolForm[];
  languages!: string[];
  webAddress!: string | null;
  signInMethod!: SignInMethod;
  personalData!: PersonalDataKind;
  dataLocation!: DataLocation;
  catalogueStatus!: CatalogueStatus;
  /** The conditions of the latest approval (empty when none). */
  conditions!: string;
  /** The same conditions as written for the public list. */
  publicConditions!: string;
  version!: number;
}

export class DigitalServicePageDto implements Page<DigitalService> {
  rows!: DigitalServiceDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}

export class UnitLicensedDto implements UnitLicensed {
  @ApiUuid()
  unitId!: string;
  unitName!: string;
  @ApiUuid()
  agreementId!: string;
  @ApiDate()
  endsOn!: string;
}

/** An approved service, with the caller's units that already have it. */
export class CatalogueEntryDto extends DigitalServiceDto implements CatalogueEntry {
  licensedUnits!: UnitLicensedDto[];
}

export class CatalogueEntryPageDto implements Page<CatalogueEntry> {
  rows!: CatalogueEntryDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}
