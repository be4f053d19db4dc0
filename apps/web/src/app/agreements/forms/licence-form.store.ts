import { Injectable, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom, forkJoin } from 'rxjs';

import {
  type Agreement,
  type DigitalService,
  type Licence,
  MAX_PAGE_SIZE,
  type SchoolUnit,
} from '@licensregistret/domain';

import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import type { FormErrors } from '../../shared/forms/form-errors';
import { AgreementsApi } from '../data/agreements-api';
import { LicencesApi } from '../data/licences-api';
import { ServicesApi } from '../data/services-api';
import {
  LICENCE_MESSAGES,
  type LicenceFormValue,
  toLicenceTerms,
  validateLicence,
} from './licence-form';
import { RecordFormStore } from './record-form.store';

/** A licence under one agreement: its service, scope (with a unit picker), seats and period. */
@Injectable()
export class LicenceFormStore extends RecordFormStore<Licence, LicenceFormValue> {
  private readonly api = inject(LicencesApi);
  private readonly agreementsApi = inject(AgreementsApi);
  private readonly servicesApi = inject(ServicesApi);
  private readonly unitsApi = inject(SchoolUnitsApi);
  protected readonly messages = LICENCE_MESSAGES;

  private agreementId = '';
  private readonly agreement$ = signal<Agreement | null>(null);
  private readonly services$ = signal<DigitalService[]>([]);
  private readonly units$ = signal<SchoolUnit[]>([]);
  readonly agreement = this.agreement$.asReadonly();
  readonly services = this.services$.asReadonly();
  /** The school units to pick from, by name. */
  readonly units = this.units$.asReadonly();

  /** Loads the agreement's licence `id` (or none, for a new one) with what to choose from. */
  loadFor(agreementId: string, id: string | null): Promise<void> {
    this.agreementId = agreementId;
    return this.load(id);
  }

  protected override async loadChoices(): Promise<void> {
    const { agreement, services, units } = await firstValueFrom(
      forkJoin({
        agreement: this.agreementsApi.get(this.agreementId),
        services: this.servicesApi.list({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }),
        units: this.unitsApi.list({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }),
      }),
    );
    this.agreement$.set(agreement);
    this.services$.set(services.rows);
    this.units$.set(units.rows);
  }

  protected fetch(id: string): Observable<Licence> {
    return this.api.get(id);
  }

  protected validate(value: LicenceFormValue): FormErrors {
    return validateLicence(value, this.agreement$());
  }

  protected create(value: LicenceFormValue): Observable<Licence> {
    return this.api.create({
      agreementId: this.agreementId,
      serviceId: value.serviceId,
      ...toLicenceTerms(value),
    });
  }

  protected update(licence: Licence, value: LicenceFormValue): Observable<Licence> {
    return this.api.update(licence.id, { ...toLicenceTerms(value), version: licence.version });
  }
}
