import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  CONTRACT_STATUSES,
  type ContractStatus,
  DECISION_TIME_MONTHS,
  type Dashboard,
  type EquityForm,
  type IsoDate,
  OPEN_REQUEST_STATES,
  RENEWAL_TIMELINE_MONTHS,
  REQUEST_AGE_BUCKETS,
  REQUEST_STATES,
  type RenewalEntry,
  type RequestAgeBucket,
  type RequestState,
  SCHOOL_FORMS,
  SERVICE_CATEGORIES,
  type SchoolForm,
  type ServiceCategory,
  type ServiceCost,
  addMonths,
} from '@licensregistret/domain';

import { statusSql } from '../agreements/agreement-rows';
import { LICENCE_COVERS_UNIT, licenceInForce } from '../agreements/licence-coverage';
import { ClockService } from '../common/clock.service';

const ZONE = `'Europe/Stockholm'`;
/** Statuses whose agreements cost nothing this year: not signed, over, or ended. */
const NOT_IN_EFFECT: readonly ContractStatus[] = ['DRAFT', 'EXPIRED', 'TERMINATED'];
const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** A count from pg (bigint as text) or a numeric (as text) as a number. */
const num = (value: string | number | null): number => (value === null ? 0 : Number(value));
const numOrNull = (value: string | number | null): number | null =>
  value === null ? null : Number(value);

/**
 * The figures of the dashboard ("Översikt"), each computed by one SQL query on the day the clock
 * says it is. Days are counted in Swedish time.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async dashboard(): Promise<Dashboard> {
    const today = this.clock.today();
    const [agreementsByStatus, requests, decisionTimes, cost, renewals, equity] = await Promise.all(
      [
        this.agreementsByStatus(today),
        this.requests(today),
        this.decisionTimes(today),
        this.cost(today),
        this.renewals(today),
        this.equity(today),
      ],
    );
    return {
      today,
      agreementsByStatus,
      ...requests,
      decisionTimes,
      cost,
      renewals,
      equity,
    };
  }

  private async agreementsByStatus(today: IsoDate): Promise<Dashboard['agreementsByStatus']> {
    const rows: { status: ContractStatus; count: string }[] = await this.dataSource.query(
      `SELECT ${statusSql('$1::date')} AS status, count(*) AS count FROM agreement a GROUP BY 1`,
      [today],
    );
    const counts = new Map(rows.map((row) => [row.status, num(row.count)]));
    return CONTRACT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  private async requests(
    today: IsoDate,
  ): Promise<Pick<Dashboard, 'requestsByState' | 'openRequestAges'>> {
    const byState: { state: RequestState; count: string }[] = await this.dataSource.query(
      `SELECT state, count(*) AS count FROM request WHERE state <> 'DRAFT' GROUP BY state`,
    );
    const ages: { bucket: RequestAgeBucket; count: string }[] = await this.dataSource.query(
      `SELECT CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30'
                   WHEN age <= 90 THEN '31-90' ELSE '91+' END AS bucket,
              count(*) AS count
         FROM (SELECT $1::date - (submitted_at AT TIME ZONE ${ZONE})::date AS age
                 FROM request WHERE state IN (${sqlList(OPEN_REQUEST_STATES)})) r
        GROUP BY 1`,
      [today],
    );
    const states = new Map(byState.map((row) => [row.state, num(row.count)]));
    const buckets = new Map(ages.map((row) => [row.bucket, num(row.count)]));
    return {
      requestsByState: REQUEST_STATES.filter((state) => state !== 'DRAFT').map((state) => ({
        state,
        count: states.get(state) ?? 0,
      })),
      openRequestAges: REQUEST_AGE_BUCKETS.map((bucket) => ({
        bucket,
        count: buckets.get(bucket) ?? 0,
      })),
    };
  }

  /**
   * Per month (in Sweden) of the decision: the median and 90th percentile (linear interpolation,
   * percentile_cont) of the calendar days from a request's first SUBMIT event to its first
   * DECIDE or MARK_COVERED event, read from the append-only history.
   */
  private async decisionTimes(today: IsoDate): Promise<Dashboard['decisionTimes']> {
    const rows: {
      month: string;
      count: number;
      median: number | null;
      p90: number | null;
    }[] = await this.dataSource.query(
      `WITH submitted AS (
              SELECT subject_id, min(occurred_at) AS at FROM event
               WHERE subject_type = 'request' AND kind = 'SUBMIT' GROUP BY subject_id),
            decided AS (
              SELECT subject_id, min(occurred_at) AS at FROM event
               WHERE subject_type = 'request' AND kind IN ('DECIDE', 'MARK_COVERED')
               GROUP BY subject_id),
            times AS (
              SELECT to_char(d.at AT TIME ZONE ${ZONE}, 'YYYY-MM') AS month,
                     (d.at AT TIME ZONE ${ZONE})::date - (s.at AT TIME ZONE ${ZONE})::date AS days
                FROM decided d JOIN submitted s USING (subject_id)
               WHERE d.at >= s.at),
            months AS (
              SELECT to_char(m, 'YYYY-MM') AS month
                FROM generate_series(date_trunc('month', $1::timestamp) - make_interval(months => $2),
                                     date_trunc('month', $1::timestamp), interval '1 month') m)
       SELECT m.month, count(t.days)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY t.days) AS p90
         FROM months m LEFT JOIN times t ON t.month = m.month
        GROUP BY m.month ORDER BY m.month`,
      [today, DECISION_TIME_MONTHS - 1],
    );
    const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
    return rows.map((row) => ({
      month: row.month,
      count: row.count,
      medianDays: round(numOrNull(row.median)),
      p90Days: round(numOrNull(row.p90)),
    }));
  }

  /**
   * The annual cost of every agreement in effect, split evenly over the distinct services its
   * licences grant; summed per service and per category before rounding to öre.
   */
  private async cost(today: IsoDate): Promise<Dashboard['cost']> {
    const inEffect = `SELECT a.id, a.annual_cost FROM agreement a
                       WHERE ${statusSql('$1::date')} NOT IN (${sqlList(NOT_IN_EFFECT)})`;
    const shares = `SELECT s.service_id, e.annual_cost / count(*) OVER (PARTITION BY e.id) AS share
                      FROM (${inEffect}) e
                      JOIN (SELECT DISTINCT agreement_id, service_id FROM licence) s
                        ON s.agreement_id = e.id`;
    const [services, categories, totals]: [
      { id: string; name: string; category: ServiceCategory; cost: string }[],
      { category: ServiceCategory; cost: string }[],
      { total: string | null; unallocated: string | null }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT d.id, d.name, d.category, round(sum(x.share), 2) AS cost
           FROM (${shares}) x JOIN digital_service d ON d.id = x.service_id
          GROUP BY d.id ORDER BY sum(x.share) DESC, d.name, d.id`,
        [today],
      ),
      this.dataSource.query(
        `SELECT d.category, round(sum(x.share), 2) AS cost
           FROM (${shares}) x JOIN digital_service d ON d.id = x.service_id
          GROUP BY d.category`,
        [today],
      ),
      this.dataSource.query(
        `SELECT sum(e.annual_cost) AS total,
                sum(e.annual_cost) FILTER (
                  WHERE NOT EXISTS (SELECT 1 FROM licence l WHERE l.agreement_id = e.id)) AS unallocated
           FROM (${inEffect}) e`,
        [today],
      ),
    ]);
    const byCategory = new Map(categories.map((row) => [row.category, num(row.cost)]));
    const byService: ServiceCost[] = services.map((row) => ({
      serviceId: row.id,
      serviceName: row.name,
      category: row.category,
      annualCost: num(row.cost),
    }));
    return {
      byService,
      byCategory: SERVICE_CATEGORIES.map((category) => ({
        category,
        annualCost: byCategory.get(category) ?? 0,
      })),
      total: num(totals[0]?.total ?? null),
      unallocated: num(totals[0]?.unallocated ?? null),
    };
  }

  /**
   * What falls due from today to 18 months ahead on signed agreements not terminated: the next
   * deadline where it matters (an extension decision, or notice on one that renews by itself; the
   * same rule as the ACTION_NEEDED status) and the end.
   */
  private async renewals(today: IsoDate): Promise<Dashboard['renewals']> {
    const to = addMonths(today, RENEWAL_TIMELINE_MONTHS);
    const rows: {
      agreement_id: string;
      agreement_number: string;
      supplier_name: string;
      status: ContractStatus;
      kind: RenewalEntry['kind'];
      date: IsoDate;
    }[] = await this.dataSource.query(
      `SELECT a.id AS agreement_id, a.agreement_number, s.name AS supplier_name,
              ${statusSql('$1::date')} AS status, due.kind, to_char(due.date, 'YYYY-MM-DD') AS date
         FROM agreement a
         JOIN supplier s ON s.id = a.supplier_id
         CROSS JOIN LATERAL (
           SELECT a.next_deadline_kind AS kind, a.next_deadline AS date
            WHERE a.next_deadline_kind = 'EXTENSION' OR a.renews_automatically
           UNION ALL
           SELECT 'END', a.ends_on) due
        WHERE a.signed_on IS NOT NULL AND a.terminated_on IS NULL
          AND due.date BETWEEN $1::date AND $2::date
        ORDER BY due.date, s.name, a.agreement_number, due.kind`,
      [today, to],
    );
    return {
      from: today,
      to,
      entries: rows.map((row) => ({
        agreementId: row.agreement_id,
        agreementNumber: row.agreement_number,
        supplierName: row.supplier_name,
        status: row.status,
        kind: row.kind,
        date: row.date,
      })),
    };
  }

  /**
   * Per school form: the services that more than half of the form's units have through a licence
   * in force today, and the units of the form they do not reach.
   */
  private async equity(today: IsoDate): Promise<EquityForm[]> {
    const rows: {
      school_form: SchoolForm;
      unit_count: number;
      service_id: string | null;
      service_name: string | null;
      units_with: number | null;
      lacking: { id: string; name: string }[] | null;
    }[] = await this.dataSource.query(
      `WITH form_unit AS (
              SELECT f.form, u.id, u.name FROM school_unit u CROSS JOIN unnest(u.school_forms) f(form)),
            forms AS (SELECT form, count(*)::int AS unit_count FROM form_unit GROUP BY form),
            covered AS (
              SELECT DISTINCT u.id AS unit_id, l.service_id
                FROM school_unit u
                JOIN licence l ON ${LICENCE_COVERS_UNIT}
                JOIN agreement a ON a.id = l.agreement_id
               WHERE ${licenceInForce('$1::date')}),
            spread AS (
              SELECT fu.form, c.service_id, count(*)::int AS units_with
                FROM form_unit fu JOIN covered c ON c.unit_id = fu.id
               GROUP BY fu.form, c.service_id),
            widespread AS (
              SELECT sp.* FROM spread sp JOIN forms f ON f.form = sp.form
               WHERE sp.units_with * 2 > f.unit_count),
            -- One anti-join for all services (a subquery per service searched the whole of
            -- "covered" once per unit: minutes on the benchmark's municipality).
            lacking AS (
              SELECT w.form, w.service_id,
                     json_agg(json_build_object('id', fu.id, 'name', fu.name)
                              ORDER BY fu.name, fu.id) AS units
                FROM widespread w
                JOIN form_unit fu ON fu.form = w.form
                LEFT JOIN covered c ON c.unit_id = fu.id AND c.service_id = w.service_id
               WHERE c.unit_id IS NULL
               GROUP BY w.form, w.service_id)
       SELECT f.form AS school_form, f.unit_count, d.id AS service_id, d.name AS service_name,
              w.units_with,
              CASE WHEN w.service_id IS NOT NULL THEN coalesce(l.units, '[]') END AS lacking
         FROM forms f
         LEFT JOIN widespread w ON w.form = f.form
         LEFT JOIN lacking l ON l.form = w.form AND l.service_id = w.service_id
         LEFT JOIN digital_service d ON d.id = w.service_id
        ORDER BY f.form, d.name, d.id`,
      [today],
    );
    const forms = new Map<SchoolForm, EquityForm>();
    for (const row of rows) {
      const form = forms.get(row.school_form) ?? {
        schoolForm: row.school_form,
        unitCount: row.unit_count,
        services: [],
      };
      forms.set(row.school_form, form);
      if (row.service_id !== null && row.service_name !== null) {
        form.services.push({
          serviceId: row.service_id,
          serviceName: row.service_name,
          unitsWith: row.units_with ?? 0,
          unitsLacking: row.lacking ?? [],
        });
      }
    }
    return SCHOOL_FORMS.flatMap((form) => forms.get(form) ?? []);
  }
}
