/*
 * The whole database as kysely sees it. Each module owns its tables: their types, and the value
 * types of their columns, live beside its repositories in `src/<module>/<module>.tables.ts`. This
 * is where they meet, so that one `Kysely<Database>` (and an `Executor`) can query any of them.
 *
 * These imports go up the folder order (db/ sits below every module) and are allowed only because
 * they are `import type`: erased at run time, db/ loads no module's code. No other file in db/ may
 * import a module; test/architecture/folder-graph.ts lets through exactly these.
 */
import type { AlertTables } from '../alerts/alerts.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { AuthTables } from '../auth/auth.tables.ts';
import type { CommentTables } from '../comments/comments.tables.ts';
import type { DecisionTables } from '../decisions/decisions.tables.ts';
import type { MailTables } from '../mail/mail.tables.ts';
import type { PlanTables } from '../plans/plans.tables.ts';
import type { ReferenceDataTables } from '../reference-data/reference-data.tables.ts';
import type { ReportTables } from '../reports/reports.tables.ts';
import type { SchedulerTables } from '../scheduler/scheduler.tables.ts';

export interface Database
  extends MailTables,
    SchedulerTables,
    AuthTables,
    AuditTables,
    ReferenceDataTables,
    DecisionTables,
    AlertTables,
    PlanTables,
    CommentTables,
    ReportTables {}
