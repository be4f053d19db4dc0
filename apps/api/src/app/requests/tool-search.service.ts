import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CatalogueStatus,
  type DecisionReason,
  type IsoDate,
  OPEN_REQUEST_STATES,
  type OpenToolRequest,
  type RequestState,
  type ServiceCategory,
  type ToolMatch,
  type ToolRejection,
  type ToolSearchResult,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { ServicesService } from '../catalogue/services.service';
import { escapeLike } from '../common/list-params';
import type { ToolSearchQueryDto } from './dto/tool-search.dto';

/** How many tools the search answers with at most; more matches ask for a longer search. */
export const TOOL_SEARCH_LIMIT = 20;

interface ServiceRow {
  id: string;
  name: string;
  supplier_name: string;
  category: ServiceCategory;
  catalogue_status: CatalogueStatus;
  status_decided_on: IsoDate | null;
  total: number;
}

interface ProposedRow {
  tool_key: string;
  name: string;
  supplier_name: string;
}

interface RequestRefRow {
  id: string;
  number: number;
  unit_id: string;
  unit_name: string;
  state: RequestState;
  tool_key: string;
  joined: boolean;
}

interface RejectionRow {
  service_id: string;
  decided_on: IsoDate;
  decision_reasons: DecisionReason[];
  decision_text: string | null;
}

/**
 * The request form's search: the whole catalogue (approved, under review, rejected, retired) and
 * the tools that requests in the routine propose, each with what the caller's units have of it,
 * its latest rejection and the requests for it, so a school sees the tool's history before it
 * asks (and can join another unit's open request instead).
 */
@Injectable()
export class ToolSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly services: ServicesService,
  ) {}

  async search(actor: Actor, query: ToolSearchQueryDto): Promise<ToolSearchResult> {
    const unitIds = this.services.unitsAskedAbout(actor, query.unitId);
    const like = escapeLike(query.q.trim());
    const services = (await this.dataSource.query(
      `SELECT d.id, d.name, s.name AS supplier_name, d.category, d.catalogue_status,
              d.status_decided_on, count(*) OVER ()::int AS total
         FROM digital_service d JOIN supplier s ON s.id = d.supplier_id
        WHERE d.name ILIKE '%' || $1 || '%' OR s.name ILIKE '%' || $1 || '%'
        ORDER BY d.name, d.id
        LIMIT $2`,
      [like, TOOL_SEARCH_LIMIT],
    )) as ServiceRow[];
    // Tools only proposed: in the routine, or a draft of the caller's own units.
    const proposed = (await this.dataSource.query(
      `SELECT r.tool_key, min(r.new_tool_name) AS name, min(r.new_tool_supplier) AS supplier_name
         FROM request r
        WHERE r.service_id IS NULL AND r.new_tool_name ILIKE '%' || $1 || '%'
          AND (r.state = ANY ($2::text[]) OR (r.state = 'DRAFT' AND r.unit_id = ANY ($3::uuid[])))
        GROUP BY r.tool_key
        ORDER BY min(r.new_tool_name)
        LIMIT $4`,
      [like, OPEN_REQUEST_STATES, unitIds, TOOL_SEARCH_LIMIT],
    )) as ProposedRow[];

    const keys = [...services.map((service) => service.id), ...proposed.map((p) => p.tool_key)];
    const requests = await this.requestsFor(keys, unitIds);
    const licensed = await this.services.licensedUnits(
      services.map((service) => service.id),
      unitIds,
    );
    const rejections = await this.rejections(
      services.filter((service) => service.catalogue_status === 'REJECTED'),
    );
    const rows: ToolMatch[] = [
      ...services.map((service) => ({
        serviceId: service.id,
        name: service.name,
        supplierName: service.supplier_name,
        category: service.category,
        catalogueStatus: service.catalogue_status,
        decidedOn: service.status_decided_on,
        licensedUnits: licensed.get(service.id) ?? [],
        rejection: rejections.get(service.id) ?? null,
        requests: requests.get(service.id) ?? [],
      })),
      ...proposed.map((tool) => ({
        serviceId: null,
        name: tool.name,
        supplierName: tool.supplier_name ?? '',
        category: null,
        catalogueStatus: null,
        decidedOn: null,
        licensedUnits: [],
        rejection: null,
        requests: requests.get(tool.tool_key) ?? [],
      })),
    ];
    return { rows, total: (services[0]?.total ?? 0) + proposed.length };
  }

  /** Open requests for each tool, and the drafts of the caller's units, oldest first. */
  private async requestsFor(
    keys: string[],
    unitIds: string[],
  ): Promise<Map<string, OpenToolRequest[]>> {
    const result = new Map<string, OpenToolRequest[]>();
    if (keys.length === 0) return result;
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.number, r.unit_id, u.name AS unit_name, r.state, r.tool_key,
              EXISTS (SELECT 1 FROM request_join j
                       WHERE j.request_id = r.id AND j.unit_id = ANY ($3::uuid[])) AS joined
         FROM request r JOIN school_unit u ON u.id = r.unit_id
        WHERE r.tool_key = ANY ($1::text[])
          AND (r.state = ANY ($2::text[]) OR (r.state = 'DRAFT' AND r.unit_id = ANY ($3::uuid[])))
        ORDER BY r.submitted_at NULLS LAST, r.number`,
      [keys, OPEN_REQUEST_STATES, unitIds],
    )) as RequestRefRow[];
    for (const row of rows) {
      const list = result.get(row.tool_key) ?? [];
      list.push({
        id: row.id,
        number: row.number,
        unitId: row.unit_id,
        unitName: row.unit_name,
        state: row.state,
        ownUnit: unitIds.includes(row.unit_id),
        joinedByOwnUnit: row.joined,
      });
      result.set(row.tool_key, list);
    }
    return result;
  }

  /** Each rejected service's latest rejection: its date, reasons and the school's explanation. */
  private async rejections(rejected: ServiceRow[]): Promise<Map<string, ToolRejection>> {
    const result = new Map<string, ToolRejection>();
    if (rejected.length === 0) return result;
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (r.service_id) r.service_id,
              to_char(r.decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS decided_on,
              r.decision_reasons, r.decision_text
         FROM request r
        WHERE r.service_id = ANY ($1::uuid[]) AND r.decision_outcome = 'REJECTED'
        ORDER BY r.service_id, r.decided_at DESC`,
      [rejected.map((service) => service.id)],
    )) as RejectionRow[];
    for (const row of rows) {
      result.set(row.service_id, {
        decidedOn: row.decided_on,
        reasons: row.decision_reasons,
        text: row.decision_text ?? '',
      });
    }
    // Rejected without a request's decision (set in the catalogue): the date alone.
    for (const service of rejected) {
      if (!result.has(service.id) && service.status_decided_on) {
        result.set(service.id, { decidedOn: service.status_decided_on, reasons: [], text: '' });
      }
    }
    return result;
  }
}
