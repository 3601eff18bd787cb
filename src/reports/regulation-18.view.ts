import { PART_LABELS, STATUS_LABELS } from '../decisions/labels.ts';
import { dateFieldsOf } from '../lib/date-input.ts';
import type { Regulation18Values } from './regulation-18-form.ts';
import type { Regulation18Row } from './regulation-18.repository.ts';

/** A resolution and its report, as the staff pages and the printed report show them. */
export function regulation18View(row: Regulation18Row, today: string) {
  return {
    id: row.id,
    url: `/admin/reports/regulation-18/${row.id}`,
    decision: {
      id: row.decision_id,
      reference: row.reference,
      title: row.title,
      description: row.description,
      partLabel: PART_LABELS[row.part].long,
      statusLabel: STATUS_LABELS[row.status],
      decisionMaker: row.maker_name,
    },
    committee: row.committee_name,
    resolvedOn: row.resolved_on,
    committeeReasons: row.committee_reasons,
    reportDueOn: row.report_due_on,
    decisionMakerView: row.decision_maker_view,
    reportedOn: row.reported_on,
    overdue: row.reported_on === null && row.report_due_on < today,
  };
}

/** The form's boxes filled from a stored resolution, or empty for a new one. */
export function regulation18Values(row: Regulation18Row | undefined): Regulation18Values {
  return {
    committee: row ? String(row.committee_id) : '',
    resolvedOn: dateFieldsOf(row?.resolved_on),
    committeeReasons: row?.committee_reasons ?? '',
    reportDueOn: dateFieldsOf(row?.report_due_on),
    decisionMakerView: row?.decision_maker_view ?? '',
    reportedOn: dateFieldsOf(row?.reported_on),
  };
}
