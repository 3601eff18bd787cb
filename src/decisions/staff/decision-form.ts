import type { DatePrecision, Part, WardScope } from '../decisions.tables.ts';
import { FormErrors, type FormReader } from '../../http/forms.ts';
import { parseId } from '../../lib/ids.ts';
import { formatPounds, readWholePounds } from '../../lib/money.ts';
import { meetsKeyDecisionTest } from '../../rules/key-decision.ts';
import { parseExpectedDate } from '../expected-date.ts';
import { PARTS } from '../labels.ts';

/*
 * The create and edit form of a decision, checked by the rules the plan import applies to a
 * row (a title, a part, a decision maker, an expected date as councils print it, a directorate),
 * with the reference data chosen from lists instead of resolved from spellings.
 */

/** What the person typed, kept as typed so the form can come back with it. */
export interface DecisionFormValues {
  title: string;
  description: string;
  estimatedValue: string;
  part: string;
  isKey: string;
  exemptParagraph: string;
  exemptionReason: string;
  nonKeyReason: string;
  decisionMaker: string;
  expectedDate: string;
  committees: string[];
  wardScope: string;
  wards: string[];
  directorate: string;
  consultation: string;
  contacts: string;
  documents: string;
  internalNotes: string;
}

export interface ExpectedDateValue {
  text: string;
  date: string;
  precision: DatePrecision;
  note: string;
}

export interface DecisionInput {
  title: string;
  description: string;
  estimatedValuePounds: number | null;
  part: Part;
  isKey: boolean;
  exemptParagraph: number | null;
  exemptionReason: string;
  /** Why a decision that meets the key-decision test is in Part 3; '' otherwise. */
  nonKeyReason: string;
  decisionMakerId: number;
  expected: ExpectedDateValue;
  committeeIds: number[];
  wardScope: WardScope;
  wardIds: number[];
  directorateId: number;
  consultation: string;
  contacts: string;
  documents: string;
  internalNotes: string;
}

export interface Choice {
  id: number;
  name: string;
}

export interface DecisionChoices {
  makers: Choice[];
  committees: Choice[];
  wards: Choice[];
  directorates: Choice[];
}

/** The import's limit on any one cell. */
export const MAX_FIELD_LENGTH = 20_000;
export const MAX_COMMITTEES = 2;
/** Under £1 trillion: the column's limit, far above any council's decision. */
export const MOST_ESTIMATE = 999_999_999_999;
const WARD_SCOPES: readonly WardScope[] = ['all', 'none', 'listed'];

export function readDecisionForm(form: FormReader): DecisionFormValues {
  return {
    title: form.text('title'),
    description: form.multiline('description'),
    estimatedValue: form.text('estimatedValue'),
    part: form.text('part'),
    isKey: form.text('isKey'),
    exemptParagraph: form.text('exemptParagraph'),
    exemptionReason: form.multiline('exemptionReason'),
    nonKeyReason: form.multiline('nonKeyReason'),
    decisionMaker: form.text('decisionMaker'),
    expectedDate: form.text('expectedDate'),
    committees: form.list('committees'),
    wardScope: form.text('wardScope'),
    wards: form.list('wards'),
    directorate: form.text('directorate'),
    consultation: form.multiline('consultation'),
    contacts: form.multiline('contacts'),
    documents: form.multiline('documents'),
    internalNotes: form.multiline('internalNotes'),
  };
}

function chosenId(value: string, choices: Choice[]): number | undefined {
  const id = parseId(value);
  return id !== undefined && choices.some((c) => c.id === id) ? id : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ExpectedDateContext {
  /** Year-less dates ('17 June') are read from this date onwards, as the import reads them from the plan's date. */
  today: string;
  /** The stored expected date: when its wording is not changed it keeps its meaning, whatever today is. */
  current?: ExpectedDateValue | undefined;
}

export interface ValidationContext extends ExpectedDateContext {
  /** The council's key-decision threshold in pounds (deps.settings). */
  keyDecisionThreshold: number;
}

/** Reads the expected date as the import does; unchanged wording keeps the date it was read as. */
export function readExpectedDate(text: string, context: ExpectedDateContext): { ok: true; value: ExpectedDateValue } | { ok: false; message: string } {
  const current = context.current;
  if (current && text === current.text.trim().replace(/\s+/g, ' ')) return { ok: true, value: current };
  if (text === '') return { ok: false, message: 'Enter the date the decision is expected, for example 11 March 2024 or May 2024' };
  const parsed = parseExpectedDate(text, context.today);
  if (!parsed.ok) return { ok: false, message: capitalise(parsed.message) };
  return { ok: true, value: { text, date: parsed.date, precision: parsed.precision, note: parsed.note } };
}

export type DecisionValidation = { ok: true; input: DecisionInput } | { ok: false; errors: FormErrors };

/** Problems are added in the order the fields appear on the page, which is the error summary's order. */
export function validateDecisionForm(values: DecisionFormValues, choices: DecisionChoices, context: ValidationContext): DecisionValidation {
  const errors = new FormErrors();
  const tooLong = (field: keyof DecisionFormValues, label: string) => {
    const value = values[field];
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) {
      errors.add(field, `${label} must be ${MAX_FIELD_LENGTH.toLocaleString('en-GB')} characters or fewer`);
    }
  };

  if (values.title === '') errors.add('title', 'Enter the title of the decision');
  tooLong('title', 'Title');
  tooLong('description', 'Decision required');

  const estimate = values.estimatedValue === '' ? null : readWholePounds(values.estimatedValue, MOST_ESTIMATE);
  if (estimate && !estimate.ok) {
    errors.add('estimatedValue', estimate.problem === 'too-large'
      ? `Estimated spend or saving must be ${formatPounds(MOST_ESTIMATE)} or less`
      : 'Estimated spend or saving must be a whole number of pounds, like 750,000');
  }
  const estimatedValuePounds = estimate?.ok ? estimate.pounds : null;
  // The wards are further down the form, but the key-decision test needs them here.
  const wardScope = WARD_SCOPES.find((s) => s === values.wardScope);
  const wardIds = wardScope === 'listed' ? [...new Set(values.wards)].map((v) => chosenId(v, choices.wards)) : [];

  const part = PARTS.find((p) => p === values.part);
  if (!part) errors.add('part', 'Select the part of the plan the decision belongs in');
  let isKey = part === 'key' || part === 'urgent';
  let exemptParagraph: number | null = null;
  if (part === 'private') {
    if (values.isKey !== 'yes' && values.isKey !== 'no') errors.add('isKey', 'Select whether this private decision is also a key decision');
    isKey = values.isKey === 'yes';
    exemptParagraph = /^[1-7]$/.test(values.exemptParagraph) ? Number(values.exemptParagraph) : null;
    if (exemptParagraph === null) {
      errors.add('exemptParagraph', 'Select the paragraph of Schedule 12A that makes the information exempt');
    }
    tooLong('exemptionReason', 'Why it is to be taken in private');
  }
  const keyTest = meetsKeyDecisionTest({ estimatedValuePounds, wardScope: wardScope ?? 'none', listedWards: wardIds.filter((id) => id !== undefined).length }, context.keyDecisionThreshold);
  if (part === 'non_key' && keyTest.meets && values.nonKeyReason === '') {
    errors.add('nonKeyReason', 'Enter why this is not a key decision: it meets the key-decision test');
  }
  tooLong('nonKeyReason', 'Why it is not a key decision');

  const decisionMakerId = chosenId(values.decisionMaker, choices.makers);
  if (decisionMakerId === undefined) errors.add('decisionMaker', 'Select the decision maker');

  const expected = readExpectedDate(values.expectedDate, context);
  if (!expected.ok) errors.add('expectedDate', expected.message);

  const committeeIds = [...new Set(values.committees)].map((v) => chosenId(v, choices.committees));
  if (committeeIds.length === 0 || committeeIds.some((id) => id === undefined)) {
    errors.add('committees', 'Select the relevant scrutiny committee');
  } else if (committeeIds.length > MAX_COMMITTEES) {
    errors.add('committees', `Select no more than ${MAX_COMMITTEES} scrutiny committees`);
  }

  if (!wardScope) errors.add('wardScope', 'Select which wards the decision affects');
  if (wardScope === 'listed' && (wardIds.length === 0 || wardIds.some((id) => id === undefined))) {
    errors.add('wards', 'Select the wards the decision affects');
  }

  const directorateId = chosenId(values.directorate, choices.directorates);
  if (directorateId === undefined) errors.add('directorate', 'Select the directorate');

  tooLong('consultation', 'Consultation');
  tooLong('contacts', 'Contact details');
  tooLong('documents', 'Documents');
  tooLong('internalNotes', 'Internal notes');

  if (errors.any || !part || !wardScope || !expected.ok || decisionMakerId === undefined || directorateId === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      title: values.title,
      description: values.description,
      estimatedValuePounds,
      part,
      isKey,
      exemptParagraph,
      exemptionReason: part === 'private' ? values.exemptionReason : '',
      nonKeyReason: part === 'non_key' ? values.nonKeyReason : '',
      decisionMakerId,
      expected: expected.value,
      committeeIds: committeeIds as number[],
      wardScope,
      wardIds: wardIds as number[],
      directorateId,
      consultation: values.consultation,
      contacts: values.contacts,
      documents: values.documents,
      internalNotes: values.internalNotes,
    },
  };
}
