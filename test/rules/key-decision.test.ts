import test from 'ava';
import { describeKeyDecisionTest, meetsKeyDecisionTest, type KeyDecisionFacts } from '../../src/rules/key-decision.ts';

const THRESHOLD = 500_000;

const cases: Array<[facts: KeyDecisionFacts, meets: boolean, byValue: boolean, byWards: boolean, why: string]> = [
  [{ estimatedValuePounds: 500_000, wardScope: 'listed', listedWards: 1 }, true, true, false, 'exactly the threshold meets it'],
  [{ estimatedValuePounds: 499_999, wardScope: 'listed', listedWards: 1 }, false, false, false, 'a pound under, in one ward, does not'],
  [{ estimatedValuePounds: 14_700_000, wardScope: 'none', listedWards: 0 }, true, true, false, 'a large sum affecting no particular ward'],
  [{ estimatedValuePounds: null, wardScope: 'all', listedWards: 0 }, true, false, true, 'no estimate, but every ward'],
  [{ estimatedValuePounds: 10_000, wardScope: 'listed', listedWards: 2 }, true, false, true, 'a small sum in two wards'],
  [{ estimatedValuePounds: 0, wardScope: 'listed', listedWards: 1 }, false, false, false, 'nothing spent, one ward'],
  [{ estimatedValuePounds: null, wardScope: 'none', listedWards: 0 }, false, false, false, 'nothing known'],
  [{ estimatedValuePounds: null, wardScope: 'none', listedWards: 3 }, false, false, false, 'wards counted only when they are listed'],
  [{ estimatedValuePounds: 750_000, wardScope: 'all', listedWards: 0 }, true, true, true, 'both limbs'],
];

for (const [facts, meets, byValue, byWards, why] of cases) {
  test(`meetsKeyDecisionTest(${JSON.stringify(facts)}) with £500,000: ${why}`, (t) => {
    t.deepEqual(meetsKeyDecisionTest(facts, THRESHOLD), { meets, byValue, byWards });
  });
}

test('the threshold is the council’s: the same decision meets a lower one and not a higher one', (t) => {
  const facts: KeyDecisionFacts = { estimatedValuePounds: 250_000, wardScope: 'listed', listedWards: 1 };
  t.true(meetsKeyDecisionTest(facts, 200_000).meets);
  t.false(meetsKeyDecisionTest(facts, THRESHOLD).meets);
});

const sentences: Array<[facts: KeyDecisionFacts, says: string]> = [
  [{ estimatedValuePounds: 750_000, wardScope: 'listed', listedWards: 1 }, 'Meets the key-decision test: the estimated spend or saving of £750,000 is £500,000 or more.'],
  [{ estimatedValuePounds: null, wardScope: 'listed', listedWards: 3 }, 'Meets the key-decision test: it affects 3 wards.'],
  [{ estimatedValuePounds: 600_000, wardScope: 'all', listedWards: 0 }, 'Meets the key-decision test: the estimated spend or saving of £600,000 is £500,000 or more, and it affects all wards.'],
  [{ estimatedValuePounds: 20_000, wardScope: 'listed', listedWards: 1 }, 'Does not meet the key-decision test: the estimated spend or saving of £20,000 is under the £500,000 threshold, and it affects one ward.'],
  [{ estimatedValuePounds: null, wardScope: 'none', listedWards: 0 }, 'Does not meet the key-decision test: no estimate of spend or saving is given (the threshold is £500,000), and it affects no particular ward.'],
];

for (const [facts, says] of sentences) {
  test(`describeKeyDecisionTest says “${says}”`, (t) => {
    t.is(describeKeyDecisionTest(facts, THRESHOLD), says);
  });
}

test('refuses a threshold or an estimate that is not a whole number of pounds', (t) => {
  const facts: KeyDecisionFacts = { estimatedValuePounds: 10, wardScope: 'none', listedWards: 0 };
  t.throws(() => meetsKeyDecisionTest(facts, 0), { instanceOf: RangeError, message: /thresholdPounds/ });
  t.throws(() => meetsKeyDecisionTest({ ...facts, estimatedValuePounds: 10.5 }, THRESHOLD), { instanceOf: RangeError, message: /estimatedValuePounds/ });
  t.throws(() => meetsKeyDecisionTest({ ...facts, estimatedValuePounds: -1 }, THRESHOLD), { instanceOf: RangeError, message: /estimatedValuePounds/ });
});
