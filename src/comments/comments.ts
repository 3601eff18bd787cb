import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import { resolveSecretKey } from '../http/csrf.ts';
import { createTemplates } from '../http/render.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import type { CouncilService } from '../reference-data/council.service.ts';
import type { CommentConfig, CommentContext } from './comment-context.ts';
import { createErasureService } from './comment-erasure.service.ts';
import { createInboxService } from './comment-inbox.service.ts';
import { createOverdueService } from './comment-overdue.service.ts';
import { createSubmissionService } from './comment-submission.service.ts';

/**
 * Residents' comments and the governance team's inbox: `deps.comments`. `council` is the one
 * council cache of deps.ts, which the admin pages clear on every edit, so an email never carries
 * details older than the last edit.
 */
export function createComments(
  config: CommentConfig & Pick<Config, 'secretKey'>,
  db: Db,
  clock: Clock,
  mail: Pick<Mailer, 'enqueue'>,
  council: Pick<CouncilService, 'get'>,
) {
  const ctx: CommentContext = {
    config,
    db,
    clock,
    mail,
    council,
    // Emails are rendered outside any request, with the same loader and autoescaping as pages.
    templates: createTemplates(),
    secretKey: resolveSecretKey(config.secretKey),
  };
  return {
    submissions: createSubmissionService(ctx),
    inbox: createInboxService(ctx),
    erasure: createErasureService(ctx),
    overdue: createOverdueService(ctx),
  };
}

export type Comments = ReturnType<typeof createComments>;
