import { formatLongDate } from '../../lib/dates.ts';
import type { TakenInput } from './outcome-form.ts';
import type { TakenCheck } from './taken-notice.ts';

/*
 * The rows of a check-your-answers page (GOV.UK pattern): each answer as it will be recorded,
 * with a Change button back to its field on the form, which keeps everything typed.
 */

export interface AnswerRow {
  key: string;
  /** One paragraph each. */
  lines: string[];
  /** The field the Change button goes back to, and what it changes, for screen readers. */
  change: { field: string; label: string } | null;
}

const answer = (key: string, text: string, field: string, label: string): AnswerRow => ({ key, lines: [text], change: { field, label } });

export function takenAnswers(input: TakenInput, checks: TakenCheck[]): AnswerRow[] {
  const rows: AnswerRow[] = [
    answer('Date the decision was taken', formatLongDate(input.takenOn), 'takenOn-day', 'the date the decision was taken'),
    answer('Decision maker', input.decisionMaker, 'decisionMaker', 'the decision maker'),
    answer('The decision', input.summary, 'summary', 'the decision'),
    answer('Reasons for the decision', input.reasons, 'reasons', 'the reasons for the decision'),
    answer('Alternative options considered and rejected', input.alternatives, 'alternatives', 'the alternative options considered and rejected'),
    answer('Link to the decision notice', input.noticeUrl || 'Not given', 'noticeUrl', 'the link to the decision notice'),
    answer('Conflicts of interest declared', input.conflictsOfInterest || 'None declared', 'conflictsOfInterest', 'the conflicts of interest declared'),
    answer('Dispensations granted', input.dispensations || 'None granted', 'dispensations', 'the dispensations granted'),
    {
      key: 'Notice rules on that date',
      lines: checks.length ? checks.map((c) => c.message) : ['A non-key decision taken in public: the Regulations set no notice period for it.'],
      change: null,
    },
  ];
  if (input.withoutNotice) {
    const broken = checks.filter((c) => !c.ok).map((c) => c.ruleName ?? '');
    rows.push(
      answer('Taken without the required notice', `Yes, against ${broken.join(' and ')}`, 'withoutNotice', 'whether it was taken without the required notice'),
      answer('Why it was taken without the required notice', input.withoutNotice.reason, 'withoutNoticeReason', 'why it was taken without the required notice'),
    );
  }
  return rows;
}

export function withdrawnAnswers(input: { reason: string }, today: string): AnswerRow[] {
  return [
    answer('Why it was withdrawn', input.reason, 'reason', 'why it was withdrawn'),
    { key: 'Date withdrawn', lines: [`${formatLongDate(today)} (today)`], change: null },
  ];
}
