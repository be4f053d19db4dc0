/**
 * Where the public reports accessibility problems, as the accessibility statement names it
 * (lag 2018:1937 requires a way to report). The municipality must set its own address here
 * before the pages go public: `.example` is a placeholder that reaches nobody.
 */
export const ACCESSIBILITY_CONTACT = {
  email: 'tillganglighet@kommunen.example',
  /** The subject the e-mail link fills in, so the report reaches the right people. */
  subject: 'Tillgänglighet i Licensregistret',
  /** How soon the reporter hears back. */
  answerWithin: 'fem arbetsdagar',
} as const;

/** The date the statement was last reviewed. */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-23';

/** DIGG's form for reporting a public body that does not follow the act. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';
