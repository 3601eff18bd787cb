import type nunjucks from 'nunjucks';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import type { CouncilInfo } from '../reference-data/council.service.ts';
import type { CommentMailContext } from './comment-mail.ts';

export type CommentConfig = Pick<
  Config,
  'baseUrl' | 'governanceEmail' | 'commentResponseWorkingDays' | 'commentRetentionMonths' | 'commentRateLimitPerHour'
>;

/** What every comment service works with; built once in comments.ts. */
export interface CommentContext {
  config: CommentConfig;
  db: Db;
  clock: Clock;
  mail: Pick<Mailer, 'enqueue'>;
  council: { get(): Promise<CouncilInfo> };
  templates: nunjucks.Environment;
  /** Signs the confirmation links and keys the rate limit. */
  secretKey: string;
}

export async function mailContext(ctx: CommentContext): Promise<CommentMailContext> {
  const council = await ctx.council.get();
  return {
    councilName: council.name,
    governanceEmail: council.governanceEmail,
    governanceTelephone: council.governanceTelephone,
    baseUrl: ctx.config.baseUrl,
    responseWorkingDays: ctx.config.commentResponseWorkingDays,
    retentionMonths: ctx.config.commentRetentionMonths,
  };
}

/** GOVERNANCE_EMAIL, else the council's Democratic Services address; null when neither is set. */
export async function governanceTeamAddress(ctx: CommentContext): Promise<string | null> {
  if (ctx.config.governanceEmail) return ctx.config.governanceEmail;
  const council = await ctx.council.get();
  return council.governanceEmail.trim() || null;
}
