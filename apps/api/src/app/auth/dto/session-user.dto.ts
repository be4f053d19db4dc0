import type { AuthConfig, Role, SessionState, SessionUser } from '@licensregistret/domain';

import { UnitRefDto } from '../../accounts/dto/account-responses.dto';
import { ApiUuid } from '../../openapi/formats';

/** The signed-in person. */
export class SessionUserDto implements SessionUser {
  @ApiUuid()
  id!: string;
  username!: string;
  displayName!: string;
  email!: string;
  roles!: Role[];
  schoolUnits!: UnitRefDto[];
}

/** Whether a session exists: 200 signed in or not. */
export class SessionStateDto implements SessionState {
  signedIn!: boolean;
  /** The signed-in person; null when signed out. */
  user!: SessionUserDto | null;
}

export class OidcOfferDto {
  enabled!: boolean;
  /** Shown on the sign-in button: "Logga in med …". */
  label!: string;
}

/** What the sign-in page offers, and the public pages' contact. */
export class AuthConfigDto implements AuthConfig {
  /** Demo mode shows the demo accounts' shared password on the sign-in page. */
  demoPassword!: string | null;
  oidc!: OidcOfferDto;
  /** Where to report accessibility problems; null when the municipality has set none. */
  accessibilityContact!: string | null;
}
