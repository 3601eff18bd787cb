import { today, type Clock } from '../../lib/clock.ts';
import type { Executor } from '../../db/executor.ts';

/** The first day of the month `date` falls in. */
export function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/**
 * Live decisions whose expected date has passed with no outcome recorded: a day before today,
 * or a month that has ended (a month-only date is stored as the month's first day).
 */
export async function followUpDecisions(db: Executor, clock: Clock) {
  const now = today(clock);
  return db
    .selectFrom('decisions')
    .innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id')
    .select([
      'decisions.id', 'decisions.title', 'decisions.reference', 'decisions.status', 'decisions.part',
      'decisions.expected_date', 'decisions.expected_precision', 'decisions.expected_date_text', 'decisions.expected_date_note',
      'decision_makers.name as maker_name',
    ])
    .where('decisions.status', 'in', ['planned', 'deferred'])
    .where((eb) =>
      eb.or([
        eb.and([eb('decisions.expected_precision', '=', 'day'), eb('decisions.expected_date', '<', now)]),
        eb.and([eb('decisions.expected_precision', '=', 'month'), eb('decisions.expected_date', '<', monthStart(now))]),
      ]),
    )
    .orderBy('decisions.expected_date')
    .orderBy('decisions.id')
    .execute();
}

export type FollowUpRow = Awaited<ReturnType<typeof followUpDecisions>>[number];
