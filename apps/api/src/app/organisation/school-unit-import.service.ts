import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';

import {
  type ImportErrorCode,
  type ImportRowError,
  NETWORK_GROUPS,
  SCHOOL_UNIT_IMPORT_COLUMNS,
  SCHOOL_UNIT_IMPORT_HEADERS,
  type SchoolUnitImportColumn,
  type SchoolUnitImportReport,
  isValidSchoolUnitCode,
  parseSchoolFormList,
  schoolUnitImportColumn,
} from '@licensregistret/domain';

import { AppException } from '../common/app-exception';
import { hasUnsafeNameCharacter } from '../common/validators';
import type { SchoolUnitImportDto } from './dto/school-unit.dto';
import { type NewSchoolUnit, insertSchoolUnits } from './insert-school-units';

const COLUMNS = SCHOOL_UNIT_IMPORT_COLUMNS;
type Column = SchoolUnitImportColumn;

/**
 * Imports school units from CSV (`Namn;Skolenhetskod;Skolformer;Elever;Nätverksgrupp`, or the
 * English `name,code,forms,pupils,group`; `,` or `;` between columns, as Excel writes it in Swedish). Every row is checked first and every problem reported by line; if any
 * row is bad, or on a dry run, nothing is written. Otherwise all rows go in one transaction.
 */
@Injectable()
export class SchoolUnitImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(body: SchoolUnitImportDto): Promise<SchoolUnitImportReport> {
    const administrationId = await this.administrationFor(body.administrationId);
    const { units, rows, errors } = await this.check(body.csv);
    const report: SchoolUnitImportReport = { dryRun: body.dryRun, rows, imported: 0, errors };
    if (errors.length > 0 && !body.dryRun) {
      throw new AppException(
        'INVALID',
        `The file has ${errors.length} problems; nothing was imported.`,
        {
          errors: [
            {
              field: 'csv',
              messages: errors.map((e) => `line ${e.line}, ${e.field}: ${e.message}`),
            },
          ],
          extensions: { report },
        },
      );
    }
    if (body.dryRun || units.length === 0) return report;

    await insertSchoolUnits(this.dataSource.manager, administrationId, units);
    return { ...report, imported: units.length };
  }

  private async administrationFor(given: string | undefined): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      given
        ? `SELECT id FROM administration WHERE id = $1`
        : `SELECT id FROM administration LIMIT 2`,
      given ? [given] : [],
    );
    if (given && rows.length === 0) {
      throw AppException.invalid('administrationId', 'administrationId does not exist');
    }
    if (!given && rows.length !== 1) {
      throw AppException.invalid(
        'administrationId',
        rows.length === 0
          ? 'there is no administration to import into'
          : 'name the administration to import into',
      );
    }
    return (rows[0] as { id: string }).id;
  }

  private async check(
    csv: string,
  ): Promise<{ units: NewSchoolUnit[]; rows: number; errors: ImportRowError[] }> {
    const errors: ImportRowError[] = [];
    const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
    let records: string[][];
    try {
      records = parse(csv, {
        delimiter: firstLine.includes(';') ? ';' : ',',
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        trim: true,
      }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      return {
        units: [],
        rows: 0,
        errors: [
          {
            line,
            field: 'csv',
            code: 'CSV_INVALID',
            params: {},
            message: 'the file is not valid CSV',
          },
        ],
      };
    }
    const header = (records[0] ?? []).map(schoolUnitImportColumn);
    const missing = COLUMNS.filter((column) => !header.includes(column));
    if (missing.length > 0) {
      return {
        units: [],
        rows: Math.max(records.length - 1, 0),
        errors: [
          {
            line: 1,
            field: 'header',
            code: 'HEADER_MISSING_COLUMNS',
            params: {
              columns: missing.map((column) => SCHOOL_UNIT_IMPORT_HEADERS[column]).join(', '),
            },
            message: `missing columns: ${missing.join(', ')}`,
          },
        ],
      };
    }
    const index = Object.fromEntries(
      COLUMNS.map((column) => [column, header.indexOf(column)]),
    ) as Record<Column, number>;

    const units: NewSchoolUnit[] = [];
    const lineOfCode = new Map<string, number>();
    records.slice(1).forEach((record, position) => {
      const line = position + 2;
      const cell = (column: Column) => record[index[column]] ?? '';
      const fail = (
        field: Column,
        code: ImportErrorCode,
        message: string,
        params: ImportRowError['params'] = { value: cell(field) },
      ) => errors.push({ line, field, code, params, message });
      const errorsBefore = errors.length;

      const name = cell('name');
      if (!name) fail('name', 'NAME_REQUIRED', 'a name is needed');
      else if (name.length > 200) fail('name', 'NAME_TOO_LONG', 'at most 200 characters');
      else if (hasUnsafeNameCharacter(name)) {
        fail('name', 'NAME_UNSAFE', 'no control characters or bidirectional text controls');
      }

      const code = cell('code') || null;
      if (code !== null && !isValidSchoolUnitCode(code)) {
        fail('code', 'CODE_FORMAT', 'the school unit code is 8 digits (or empty for a pre-school)');
      } else if (code !== null && lineOfCode.has(code)) {
        fail('code', 'CODE_REPEATED', `the code ${code} is also on line ${lineOfCode.get(code)}`, {
          code,
          otherLine: lineOfCode.get(code) as number,
        });
      } else if (code !== null) {
        lineOfCode.set(code, line);
      }

      const forms = parseSchoolFormList(cell('forms'));
      if ('error' in forms) fail('forms', 'FORMS_INVALID', forms.error);

      const pupils = cell('pupils');
      if (!/^\d{1,6}$/.test(pupils)) {
        fail('pupils', 'PUPILS_INVALID', 'the pupil count is a whole number, 0 or more');
      }

      const group = NETWORK_GROUPS.find(
        (known) => known.toLowerCase() === cell('group').toLowerCase(),
      );
      if (!group)
        fail('group', 'GROUP_UNKNOWN', `the network group is one of ${NETWORK_GROUPS.join(', ')}`);

      if (errors.length === errorsBefore && !('error' in forms) && group) {
        units.push({
          name,
          code,
          schoolForms: forms.schoolForms,
          compulsoryStages: forms.compulsoryStages,
          pupilCount: Number(pupils),
          networkGroup: group,
        });
      }
    });

    if (lineOfCode.size > 0) {
      const taken: { code: string }[] = await this.dataSource.query(
        `SELECT code FROM school_unit WHERE code = ANY($1)`,
        [[...lineOfCode.keys()]],
      );
      for (const { code } of taken) {
        errors.push({
          line: lineOfCode.get(code) as number,
          field: 'code',
          code: 'CODE_TAKEN',
          params: { code },
          message: `a unit with the code ${code} already exists`,
        });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    return { units: errors.length > 0 ? [] : units, rows: records.length - 1, errors };
  }
}
