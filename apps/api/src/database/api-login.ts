import { Client, escapeIdentifier, escapeLiteral } from 'pg';

/** The role the API acts as (made by the migrations): no superuser, no BYPASSRLS, owns nothing. */
export const API_ROLE = 'licensregistret_api';

/** The login the API uses on a server of its own (embedded, tests, benchmarks): on localhost only. */
const LOCAL_LOGIN = { user: 'licensregistret_app', password: 'licensregistret-app' };

/** The URL the API connects with to the owner's database `ownerUrl` of a local server. */
export function localApiUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = LOCAL_LOGIN.user;
  url.password = LOCAL_LOGIN.password;
  return url.toString();
}

/**
 * Makes sure the login in `apiUrl` exists and is a member of API_ROLE, as the owner of
 * `ownerUrl` (after the migrations, which make API_ROLE). An existing login keeps its password:
 * instances starting together must not change it under each other. Where a database
 * administrator made the login already, nothing is asked of the owner.
 */
export async function ensureApiLogin(ownerUrl: string, apiUrl: string): Promise<void> {
  const { username, password } = new URL(apiUrl);
  const login = decodeURIComponent(username);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = (await owner.query(
      `SELECT pg_has_role(rolname, $2, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
      [login, API_ROLE],
    )) as { rows: { member: boolean }[] };
    const [existing] = rows;
    if (!existing) {
      try {
        await owner.query(
          `CREATE ROLE ${escapeIdentifier(login)} LOGIN PASSWORD ${escapeLiteral(
            decodeURIComponent(password),
          )} IN ROLE ${API_ROLE}`,
        );
        return;
      } catch (error) {
        // Another instance or test worker made it first.
        if ((error as { code?: string }).code !== '42710') throw error;
      }
    } else if (existing.member) {
      return;
    }
    await owner.query(`GRANT ${API_ROLE} TO ${escapeIdentifier(login)}`);
  } finally {
    await owner.end();
  }
}

/**
 * Why the connected role could see past row-level security, or null if it cannot: a superuser,
 * BYPASSRLS, or owning (or inheriting the owner of) a table. The API refuses to start otherwise.
 */
export const BYPASS_CHECK = `
  SELECT CASE
           WHEN r.rolsuper THEN 'is a superuser'
           WHEN r.rolbypassrls THEN 'has BYPASSRLS'
           WHEN EXISTS (SELECT 1 FROM pg_class c
                         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                           AND pg_has_role(current_user, c.relowner, 'USAGE'))
             THEN 'owns a table'
         END AS reason
    FROM pg_roles r WHERE r.rolname = current_user`;
