/**
 * How the public reports accessibility problems, as the accessibility statement words it
 * (lag 2018:1937 requires a way to report). The address itself is the municipality's to set
 * (`ACCESSIBILITY_CONTACT_EMAIL`, read from `GET /api/auth/config`); without one the statement
 * points to the municipality's contact centre.
 */
export const ACCESSIBILITY_CONTACT = {
  /** The subject the e-mail link fills in, so the report reaches the right people. */
  subject: 'Tillgänglighet i Licensregistret',
  /** How soon the reporter hears back. */
  answerWithin: 'fem arbetsdagar',
} as const;

/** The e-mail link to `email`, with the subject filled in. */
export function accessibilityMailto(email: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(ACCESSIBILITY_CONTACT.subject)}`;
}

/** The date the statement was last reviewed. */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-23';

/** DIGG's form for reporting a public body that does not follow the act. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';
