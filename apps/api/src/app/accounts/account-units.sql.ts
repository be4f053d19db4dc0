/** SQL: the school units of account `a` as a JSON array of `{ id, name }`, by name. */
export const ACCOUNT_UNITS_JSON = `coalesce(
  (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
     FROM account_school_unit au JOIN school_unit u ON u.id = au.school_unit_id
    WHERE au.account_id = a.id), '[]')`;
