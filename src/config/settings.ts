import path from 'node:path';
import { isIsoDate } from '../lib/dates.ts';
import { isEmailAddress, isMailbox } from '../lib/email-address.ts';

/*
 * Every setting the service reads from the environment: its variable, a description (the README's
 * table is checked against it), a default and a parser. One table, so that no setting is read
 * anywhere else; config.ts applies it.
 */

export interface Setting<T> {
  env: string;
  doc: string;
  default: T | (() => T);
  parse: (raw: string) => T;
}

const text = (raw: string) => raw;
const optionalText = (raw: string) => (raw === '' ? undefined : raw);
const integer = (min: number, max: number) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`must be a whole number from ${min} to ${max}`);
  }
  return value;
};
const bool = (raw: string) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('must be true or false');
};
const url = (raw: string) => {
  const parsed = new URL(raw);
  return parsed.href.replace(/\/$/, '');
};

export const settings = {
  port: { env: 'PORT', doc: 'HTTP port to listen on', default: 3000, parse: integer(0, 65535) },
  host: { env: 'HOST', doc: 'Interface to listen on', default: '127.0.0.1', parse: text },
  maxConnections: {
    env: 'MAX_CONNECTIONS',
    doc: 'Open HTTP connections this instance accepts at once; one more is answered 503 (keep it below the file-descriptor limit, ulimit -n)',
    default: 2000,
    parse: integer(10, 1_000_000),
  },
  baseUrl: {
    env: 'BASE_URL',
    doc: 'Public address of the service, used for absolute links in feeds and emails',
    default: 'http://localhost:3000',
    parse: url,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL connection string; when unset, the service starts (and stops) a private PostgreSQL server in DATA_DIR/postgres',
    default: undefined as string | undefined,
    parse: optionalText,
  },
  databasePoolSize: {
    env: 'DATABASE_POOL_SIZE',
    doc: 'Connections this instance keeps to the database at most',
    default: 10,
    parse: integer(1, 500),
  },
  databaseTimeoutSeconds: {
    env: 'DATABASE_TIMEOUT_SECONDS',
    doc: 'Longest a web request waits for a database connection, and longest one statement may run, before the request is answered 503 (the fp command line allows 10 minutes)',
    default: 5,
    parse: integer(1, 600),
  },
  dataDir: {
    env: 'DATA_DIR',
    doc: 'Folder for the embedded database (DATA_DIR/postgres and its password) and the development mail drop',
    default: () => path.resolve('data'),
    parse: (raw: string) => path.resolve(raw),
  },
  loadSample: {
    env: 'LOAD_SAMPLE',
    doc: 'Load the sample plan into an empty database at start (default: only on the embedded database)',
    default: undefined as boolean | undefined,
    parse: bool,
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    doc: 'Trust X-Forwarded-For/-Proto from a reverse proxy',
    default: false,
    parse: bool,
  },
  schedulerEnabled: {
    env: 'SCHEDULER_ENABLED',
    doc: 'Run the scheduled jobs in this instance; set false for web-only instances (any number of instances may run them: each slot runs once)',
    default: true,
    parse: bool,
  },
  smtpUrl: {
    env: 'SMTP_URL',
    doc: 'SMTP server for outgoing mail, e.g. smtps://user:pass@smtp.example.org:465 (nodemailer URL options such as ?pool=true are accepted); when unset, mail is written as .eml files to DATA_DIR/mail',
    default: undefined as string | undefined,
    parse: (raw: string) => {
      if (!/^smtps?:$/.test(new URL(raw).protocol)) throw new Error('must start smtp:// or smtps://');
      return raw;
    },
  },
  mailFrom: {
    env: 'MAIL_FROM',
    doc: 'From address of every email the service sends',
    default: 'Forward Plan <forward-plan@localhost>',
    parse: (raw: string) => {
      if (!isMailbox(raw.trim())) throw new Error('must be an address, optionally with a name: Name <address@example.org>');
      return raw.trim();
    },
  },
  mailMaxAttempts: {
    env: 'MAIL_MAX_ATTEMPTS',
    doc: 'Attempts to send one email (retried after 1, 2, 4 … minutes, at most an hour apart) before it is marked failed',
    default: 8,
    parse: integer(1, 100),
  },
  mailKeepDays: {
    env: 'MAIL_KEEP_DAYS',
    doc: 'Days a sent or failed email (address and text included) is kept in the outbox before it is deleted',
    default: 30,
    parse: integer(1, 3650),
  },
  alertsUnsubscribeMailbox: {
    env: 'ALERTS_UNSUBSCRIBE_MAILBOX',
    doc: "Mailbox offered in email alerts' List-Unsubscribe header (beside the one-click link) for people who unsubscribe by email; defaults to the council's Democratic Services address",
    default: undefined as string | undefined,
    parse: (raw: string) => {
      // It is written into a mailto: URL, where these characters would start a query or an escape.
      if (!isEmailAddress(raw.trim()) || /[?#%&]/.test(raw)) throw new Error('must be one email address, like democratic.services@example.gov.uk');
      return raw.trim();
    },
  },
  governanceEmail: {
    env: 'GOVERNANCE_EMAIL',
    doc: "Governance team's address for new comments and the daily overdue summary; defaults to the council's Democratic Services address",
    default: undefined as string | undefined,
    parse: (raw: string) => {
      if (!isEmailAddress(raw.trim())) throw new Error('must be one email address, like democratic.services@example.gov.uk');
      return raw.trim();
    },
  },
  commentResponseWorkingDays: {
    env: 'COMMENT_RESPONSE_WORKING_DAYS',
    doc: 'Working days (England and Wales) within which a comment should have a response; after that it is overdue',
    default: 10,
    parse: integer(1, 100),
  },
  commentRetentionMonths: {
    env: 'COMMENT_RETENTION_MONTHS',
    doc: "Months after a comment is closed at which the person's name and contact details are erased (the comment and response are kept)",
    default: 12,
    parse: integer(1, 120),
  },
  commentRateLimitPerHour: {
    env: 'COMMENT_RATE_LIMIT_PER_HOUR',
    doc: 'Comments one client (address) may send in an hour before the form answers 429',
    default: 5,
    parse: integer(1, 1000),
  },
  nodeEnv: {
    env: 'NODE_ENV',
    doc: 'production makes SECRET_KEY required',
    default: 'development',
    parse: text,
  },
  secretKey: {
    env: 'SECRET_KEY',
    doc: 'Key (32 or more characters) that signs the anti-forgery tokens on forms; required in production, otherwise a random key per process',
    default: undefined as string | undefined,
    parse: (raw: string) => {
      if (raw.length < 32) throw new Error('must be at least 32 characters (e.g. `openssl rand -hex 32`)');
      return raw;
    },
  },
  sessionIdleMinutes: {
    env: 'SESSION_IDLE_MINUTES',
    doc: 'Minutes without a request after which a staff session ends',
    default: 60,
    parse: integer(5, 24 * 60),
  },
  sessionMaxHours: {
    env: 'SESSION_MAX_HOURS',
    doc: 'Hours after signing in at which a staff session ends however active it is',
    default: 12,
    parse: integer(1, 7 * 24),
  },
  responseCacheMb: {
    env: 'RESPONSE_CACHE_MB',
    doc: 'Megabytes of rendered public pages, API responses and feeds (with their compressed copies) kept in memory, least recently used dropped first',
    default: 64,
    parse: integer(0, 4096),
  },
  feedCacheEntries: {
    env: 'FEED_CACHE_ENTRIES',
    doc: 'Rendered feeds kept in memory (one per format and filter combination, least recently used dropped first)',
    default: 300,
    parse: integer(0, 100_000),
  },
  feedFallbackTtlSeconds: {
    env: 'FEED_FALLBACK_TTL_SECONDS',
    doc: 'How long a rendered feed is reused when the service cannot LISTEN for database changes (otherwise until the next change)',
    default: 30,
    parse: integer(0, 3600),
  },
  publicationAnchor: {
    env: 'PUBLICATION_ANCHOR',
    doc: 'The date of one fortnightly publication (YYYY-MM-DD); the schedule prepares the next plan every 14 days from it, on the same weekday',
    default: '2024-02-23',
    parse: (raw: string) => {
      if (!isIsoDate(raw)) throw new Error('must be a real date written as YYYY-MM-DD');
      return raw;
    },
  },
  publicationTime: {
    env: 'PUBLICATION_TIME',
    doc: 'Time of day (HH:MM, Europe/London) at which the fortnightly job prepares the next plan; the daily follow-up list goes out then too',
    default: '09:00',
    parse: (raw: string) => {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw new Error('must be a time of day as HH:MM on the 24-hour clock');
      return raw;
    },
  },
  autoPublish: {
    env: 'AUTO_PUBLISH',
    doc: 'Publish the prepared plan on schedule when it breaks no notice rule (otherwise publishers get the summary and publish it themselves)',
    default: false,
    parse: bool,
  },
  publishersEmail: {
    env: 'PUBLISHERS_EMAIL',
    doc: 'An extra address (a team mailbox) for the schedule\'s summaries and follow-up lists, besides every active publisher and administrator',
    default: undefined as string | undefined,
    parse: (raw: string) => {
      if (!isEmailAddress(raw.trim())) throw new Error('must be one email address, like democratic.services@example.gov.uk');
      return raw.trim().toLowerCase();
    },
  },
} satisfies Record<string, Setting<unknown>>;
