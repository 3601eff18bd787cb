import type { DecisionStatus, Part, WardScope } from './decisions.tables.ts';
import { PART_LABELS, SCHEDULE_12A, STATUS_LABELS, expectedDateLabel } from './labels.ts';
import type { DecisionListRow } from './decision.repository.ts';

export interface Link {
  slug: string;
  name: string;
}

/**
 * A decision as the public sees it: the one shape behind the HTML pages, the JSON API and the
 * feeds. It holds only what the printed plan makes public; staff-only fields never enter it.
 */
export interface PublicDecision {
  id: number;
  url: string;
  reference: string | null;
  title: string;
  description: string;
  part: Part;
  partLabel: string;
  status: DecisionStatus;
  statusLabel: string;
  decisionMaker: { slug: string; name: string; kind: 'cabinet' | 'member'; portfolio: string | null };
  expectedDate: { date: string | null; precision: 'day' | 'month' | null; asPrinted: string; note: string; label: string };
  scrutinyCommittees: Link[];
  wards: { scope: WardScope; asPrinted: string; wards: Link[] };
  consultation: string;
  contacts: string;
  directorate: Link;
  documents: string;
  /** Why a Part 2 item is to be taken in private: the public notice, never the exempt information. */
  exemption: { paragraph: number | null; description: string | null; reason: string } | null;
  updatedAt: string;
}

/** A row of the public decision queries (decision.repository.ts), which bring their committees and wards with them. */
export function toPublicDecision(row: DecisionListRow): PublicDecision {
  return {
    id: row.id,
    url: `/decisions/${row.id}`,
    reference: row.reference,
    title: row.title,
    description: row.description,
    part: row.part,
    partLabel: PART_LABELS[row.part].short,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    decisionMaker: { slug: row.maker_slug, name: row.maker_name, kind: row.maker_kind, portfolio: row.portfolio_title },
    expectedDate: {
      date: row.expected_date,
      precision: row.expected_precision,
      asPrinted: row.expected_date_text,
      note: row.expected_date_note,
      label: expectedDateLabel(row.expected_date, row.expected_precision, row.expected_date_note),
    },
    scrutinyCommittees: row.committees,
    wards: { scope: row.ward_scope, asPrinted: row.wards_text, wards: row.wards },
    consultation: row.consultation,
    contacts: row.contacts,
    directorate: { slug: row.directorate_slug, name: row.directorate_name },
    documents: row.documents,
    exemption:
      row.part === 'private'
        ? {
            paragraph: row.exempt_paragraph,
            description: row.exempt_paragraph ? (SCHEDULE_12A[row.exempt_paragraph] ?? null) : null,
            reason: row.exemption_reason,
          }
        : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
