import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type ListQuery,
  type NetworkGroup,
  type Page,
  SCHOOL_UNIT_SORT_COLUMNS,
  type SchoolForm,
  type SchoolUnit,
} from '@licensregistret/domain';

import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import { ServerListStore } from '../../shared/grid/server-list.store';

export interface SchoolUnitFilters {
  q: string;
  networkGroup: NetworkGroup | '';
  schoolForm: SchoolForm | '';
}

/** The school unit list: its filters and its server-paged data source. */
@Injectable()
export class SchoolUnitListStore extends ServerListStore<SchoolUnit, SchoolUnitFilters> {
  private readonly api = inject(SchoolUnitsApi);

  constructor() {
    super({ q: '', networkGroup: '', schoolForm: '' }, SCHOOL_UNIT_SORT_COLUMNS, 'name:asc', {
      q: 'sok',
      networkGroup: 'natverksgrupp',
      schoolForm: 'skolform',
    });
  }

  protected fetchPage(query: ListQuery & Partial<SchoolUnitFilters>): Observable<Page<SchoolUnit>> {
    const { networkGroup, schoolForm, ...rest } = query;
    return this.api.list({
      ...rest,
      networkGroup: networkGroup || undefined,
      schoolForm: schoolForm || undefined,
    });
  }
}
