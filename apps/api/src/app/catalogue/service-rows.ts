import type { DigitalService } from '@licensregistret/domain';

/** A catalogue service with its supplier's name: `WHERE`/`ORDER BY` on `d` and `s` follow. */
export const SELECT_SERVICE = `
  SELECT d.id, d.name, d.supplier_id, s.name AS supplier_name, d.category, d.description,
         d.school_forms, d.languages, d.web_address, d.sign_in_method, d.personal_data,
         d.data_location, d.catalogue_status, d.conditions, d.public_conditions, d.version
    FROM digital_service d JOIN supplier s ON s.id = d.supplier_id`;

export interface ServiceRow {
  id: string;
  name: string;
  supplier_id: string;
  supplier_name: string;
  category: DigitalService['category'];
  description: string;
  school_forms: DigitalService['schoolForms'];
  languages: string[];
  web_address: string | null;
  sign_in_method: DigitalService['signInMethod'];
  personal_data: DigitalService['personalData'];
  data_location: DigitalService['dataLocation'];
  catalogue_status: DigitalService['catalogueStatus'];
  conditions: string;
  public_conditions: string;
  version: number;
}

export const toService = (row: ServiceRow): DigitalService => ({
  id: row.id,
  name: row.name,
  supplierId: row.supplier_id,
  supplierName: row.supplier_name,
  category: row.category,
  description: row.description,
  schoolForms: row.school_forms,
  languages: row.languages,
  webAddress: row.web_address,
  signInMethod: row.sign_in_method,
  personalData: row.personal_data,
  dataLocation: row.data_location,
  catalogueStatus: row.catalogue_status,
  conditions: row.conditions,
  publicConditions: row.public_conditions,
  version: row.version,
});
