/**
 * SQL: a rejected service `d`'s public grounds, as `rejected.decision_reasons`: those of the
 * latest decision that rejected it (the five fixed reasons, never the free text). A lateral join
 * after `FROM digital_service d …`.
 */
export const JOIN_REJECTION_REASONS = `
  LEFT JOIN LATERAL (
    SELECT r.decision_reasons FROM request r
     WHERE r.service_id = d.id AND r.decision_outcome = 'REJECTED'
     ORDER BY r.decided_at DESC NULLS LAST, r.id
     LIMIT 1
  ) rejected ON d.catalogue_status = 'REJECTED'`;
