import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { DigitalService, Supplier, UnitServiceLicence } from '@licensregistret/domain';

import { SuppliersApi } from '../../agreements/data/suppliers-api';
import { readAll } from '../data/read-all';
import { ServicesApi } from '../data/services-api';
import { UnitLicencesApi } from '../data/unit-licences-api';
import type { Section } from './section';

/** What a new tool can be linked to or created under when it goes to review. */
export interface NewToolChoices {
  services: Pick<DigitalService, 'id' | 'name' | 'supplierName'>[];
  suppliers: Pick<Supplier, 'id' | 'name' | 'organisationNumber'>[];
}

/**
 * What some moves' forms choose from, read when such a form opens: the unit's licences (to name
 * the one that already covers it) and the services and suppliers a new tool can be linked to.
 */
@Injectable()
export class MoveChoicesStore {
  private readonly licencesApi = inject(UnitLicencesApi);
  private readonly servicesApi = inject(ServicesApi);
  private readonly suppliersApi = inject(SuppliersApi);

  private readonly licences$ = signal<Section<UnitServiceLicence[]>>({ kind: 'loading' });
  private readonly newToolChoices$ = signal<Section<NewToolChoices>>({ kind: 'loading' });
  private licencesOf: string | null = null;
  private newToolChoicesLoaded = false;

  readonly licences = this.licences$.asReadonly();
  readonly newToolChoices = this.newToolChoices$.asReadonly();

  /** The licences in force for the request's unit, to name the one that already covers it. */
  async loadLicences(unitId: string): Promise<void> {
    if (this.licencesOf === unitId && this.licences$().kind === 'loaded') return;
    this.licencesOf = unitId;
    this.licences$.set({ kind: 'loading' });
    try {
      const licences = await firstValueFrom(this.licencesApi.forUnit(unitId));
      if (this.licencesOf === unitId) this.licences$.set({ kind: 'loaded', value: licences });
    } catch {
      if (this.licencesOf === unitId) this.licences$.set({ kind: 'failed' });
    }
  }

  /** The services and suppliers a new tool can be linked to when it goes to review. */
  async loadNewToolChoices(): Promise<void> {
    if (this.newToolChoicesLoaded) return;
    this.newToolChoicesLoaded = true;
    this.newToolChoices$.set({ kind: 'loading' });
    try {
      const [services, suppliers] = await Promise.all([
        readAll<DigitalService>((offset, limit) =>
          this.servicesApi.list({ offset, limit, sort: 'name:asc' }),
        ),
        firstValueFrom(this.suppliersApi.listForChoice()).then((page) => page.rows),
      ]);
      this.newToolChoices$.set({
        kind: 'loaded',
        value: {
          services: services.map(({ id, name, supplierName }) => ({ id, name, supplierName })),
          suppliers: suppliers.map(({ id, name, organisationNumber }) => ({
            id,
            name,
            organisationNumber,
          })),
        },
      });
    } catch {
      this.newToolChoicesLoaded = false;
      this.newToolChoices$.set({ kind: 'failed' });
    }
  }
}
