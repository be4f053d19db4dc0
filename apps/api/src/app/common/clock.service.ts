import { Injectable } from '@nestjs/common';

import { type IsoDate, todayInSweden } from '@licensregistret/domain';

/** Today's date for the rules that depend on it; a test can replace it. */
@Injectable()
export class ClockService {
  today(): IsoDate {
    return todayInSweden();
  }
}
