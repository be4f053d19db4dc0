import type { Account, Page, Role, UnitRef } from '@licensregistret/domain';

import { ApiUuid } from '../../openapi/formats';

export class UnitRefDto implements UnitRef {
  @ApiUuid()
  id!: string;
  name!: string;
}

export class AccountDto implements Account {
  @ApiUuid()
  id!: string;
  username!: string;
  displayName!: string;
  email!: string;
  roles!: Role[];
  /** The school units a requester or principal acts for. */
  schoolUnits!: UnitRefDto[];
  active!: boolean;
  version!: number;
}

export class AccountPageDto implements Page<Account> {
  rows!: AccountDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}
