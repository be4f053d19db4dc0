import { CreateEventLog1763852400000 } from './1763852400000-create-event-log';
import { OrganisationAndAccess1763856000000 } from './1763856000000-organisation-and-access';
import { CatalogueAgreementsLicences1763859600000 } from './1763859600000-catalogue-agreements-licences';
import { RequestsReviewsNotifications1763863200000 } from './1763863200000-requests-reviews-notifications';
import { RemindersAndCalendarFeeds1763866800000 } from './1763866800000-reminders-and-calendar-feeds';
import { OpenRequestQueueIndex1763870400000 } from './1763870400000-open-request-queue-index';
import { WithdrawnDrafts1763874000000 } from './1763874000000-withdrawn-drafts';
import { OutboxLease1763877600000 } from './1763877600000-outbox-lease';
import { SignInThrottleAndTrustedDevices1796360896949 } from './1796360896949-sign-in-throttle-and-trusted-devices';
import { HandOffs1796369114147 } from './1796369114147-hand-offs';
import { RecordsAndRequestHistory1796369148405 } from './1796369148405-records-and-request-history';
import { DeclineAndDecisionCorrections1796400000000 } from './1796400000000-decline-and-decision-corrections';
import { TodoIndexes1796403600000 } from './1796403600000-todo-indexes';
import { Licensing1796408130000 } from './1796408130000-licensing';
import { Documents1796411000000 } from './1796411000000-documents';
import { MunicipalityIsolation1796500000000 } from './1796500000000-municipality-isolation';
import { SharedLayer1796510000000 } from './1796510000000-shared-layer';
import { MunicipalitySignIn1796520000000 } from './1796520000000-municipality-sign-in';

/**
 * Every migration, oldest first. A generated migration is added here by hand (the API is bundled,
 * so TypeORM cannot find migrations by a file glob); see the README.
 */
export const MIGRATIONS = [
  CreateEventLog1763852400000,
  OrganisationAndAccess1763856000000,
  CatalogueAgreementsLicences1763859600000,
  RequestsReviewsNotifications1763863200000,
  RemindersAndCalendarFeeds1763866800000,
  OpenRequestQueueIndex1763870400000,
  WithdrawnDrafts1763874000000,
  OutboxLease1763877600000,
  SignInThrottleAndTrustedDevices1796360896949,
  HandOffs1796369114147,
  RecordsAndRequestHistory1796369148405,
  DeclineAndDecisionCorrections1796400000000,
  TodoIndexes1796403600000,
  Licensing1796408130000,
  Documents1796411000000,
  MunicipalityIsolation1796500000000,
  SharedLayer1796510000000,
  MunicipalitySignIn1796520000000,
];
