/*
 * Regulation 8 of the 2012 Regulations: a key decision is an executive decision likely to result
 * in the council incurring expenditure, or making savings, significant in relation to its budget
 * for the service or function concerned, or to be significant in terms of its effects on
 * communities living or working in two or more wards. The council sets the financial line (its
 * settings, £500,000 in Peterborough's constitution); a decision at or above it meets the test.
 * The wards limb is read from the wards the decision affects: two or more listed, or all of them.
 */
import { formatPounds } from '../lib/money.ts';
import { assertWholeNumber } from './validate.ts';

export interface KeyDecisionFacts {
  /** Estimated spend or saving in whole pounds; null when not given. */
  estimatedValuePounds: number | null;
  wardScope: 'all' | 'listed' | 'none';
  /** How many wards are listed (counts only when wardScope is 'listed'). */
  listedWards: number;
}

export interface KeyDecisionTest {
  meets: boolean;
  /** The estimate is at or above the threshold. */
  byValue: boolean;
  /** It affects two or more wards, or all of them. */
  byWards: boolean;
}

export function meetsKeyDecisionTest(facts: KeyDecisionFacts, thresholdPounds: number): KeyDecisionTest {
  assertWholeNumber(thresholdPounds, 'thresholdPounds', 1);
  if (facts.estimatedValuePounds !== null) assertWholeNumber(facts.estimatedValuePounds, 'estimatedValuePounds', 0);
  assertWholeNumber(facts.listedWards, 'listedWards', 0);
  const byValue = facts.estimatedValuePounds !== null && facts.estimatedValuePounds >= thresholdPounds;
  const byWards = facts.wardScope === 'all' || (facts.wardScope === 'listed' && facts.listedWards >= 2);
  return { meets: byValue || byWards, byValue, byWards };
}

/** The test's result in a sentence, for the staff pages: which limb is met, or why neither is. */
export function describeKeyDecisionTest(facts: KeyDecisionFacts, thresholdPounds: number): string {
  const test = meetsKeyDecisionTest(facts, thresholdPounds);
  const threshold = formatPounds(thresholdPounds);
  const value = facts.estimatedValuePounds;
  const money =
    value === null
      ? `no estimate of spend or saving is given (the threshold is ${threshold})`
      : test.byValue
        ? `the estimated spend or saving of ${formatPounds(value)} is ${threshold} or more`
        : `the estimated spend or saving of ${formatPounds(value)} is under the ${threshold} threshold`;
  const wards =
    facts.wardScope === 'all'
      ? 'it affects all wards'
      : facts.wardScope === 'none' || facts.listedWards === 0
        ? 'it affects no particular ward'
        : facts.listedWards === 1
          ? 'it affects one ward'
          : `it affects ${facts.listedWards} wards`;
  if (!test.meets) return `Does not meet the key-decision test: ${money}, and ${wards}.`;
  const limbs = [test.byValue ? money : null, test.byWards ? wards : null].filter((limb) => limb !== null);
  return `Meets the key-decision test: ${limbs.join(', and ')}.`;
}
