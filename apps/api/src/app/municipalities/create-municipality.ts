import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { municipalitySlug } from '@licensregistret/domain';

/** A new municipality and its first administrator (the national administrator's operation). */
export interface NewMunicipality {
  name: string;
  /** Defaults to municipalitySlug(name). */
  slug?: string;
  administrationName: string;
  admin: { username: string; displayName: string; email: string };
  /** Its own single sign-on (the client secret goes in OIDC_CLIENT_SECRET_<SLUG>). */
  oidc?: { issuer: string; clientId: string; label?: string };
}

export interface CreatedMunicipality {
  id: string;
  slug: string;
  adminId: string;
  /** The administrator's first password, to be changed; none is stored in clear. */
  adminPassword: string;
}

/**
 * Makes a municipality, its administration and its first administrator, in the caller's
 * transaction. The municipality is national; the rest is its own, written as it
 * (`app.municipality_id` for the transaction), so this works as the API's role and as the
 * database owner alike. Nothing of any other municipality is read.
 */
export async function createMunicipality(
  manager: EntityManager,
  municipality: NewMunicipality,
  hashPassword: (password: string) => Promise<string>,
): Promise<CreatedMunicipality> {
  const slug = municipality.slug ?? municipalitySlug(municipality.name);
  const [{ id }] = (await manager.query(
    `INSERT INTO municipality (name, slug, oidc_issuer, oidc_client_id, oidc_label)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      municipality.name.trim(),
      slug,
      municipality.oidc?.issuer ?? null,
      municipality.oidc?.clientId ?? null,
      municipality.oidc?.label ?? null,
    ],
  )) as { id: string }[];
  await manager.query(`SELECT set_config('app.municipality_id', $1, true)`, [id]);
  await manager.query(`INSERT INTO administration (name) VALUES ($1)`, [
    municipality.administrationName,
  ]);
  const adminPassword = randomBytes(12).toString('base64url');
  const [{ id: adminId }] = (await manager.query(
    `INSERT INTO account (username, display_name, email, roles, password_hash)
     VALUES ($1, $2, $3, '{ADMIN}', $4) RETURNING id`,
    [
      municipality.admin.username.trim().toLowerCase(),
      municipality.admin.displayName,
      municipality.admin.email,
      await hashPassword(adminPassword),
    ],
  )) as { id: string }[];
  return { id, slug, adminId, adminPassword };
}
