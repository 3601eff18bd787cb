import test from 'ava';
import { formatPounds, readWholePounds } from '../../src/lib/money.ts';

const readings: Array<[typed: string, read: ReturnType<typeof readWholePounds>]> = [
  ['500000', { ok: true, pounds: 500_000 }],
  ['500,000', { ok: true, pounds: 500_000 }],
  ['£500,000', { ok: true, pounds: 500_000 }],
  ['£ 250 000', { ok: true, pounds: 250_000 }],
  ['0', { ok: true, pounds: 0 }],
  ['1000001', { ok: false, problem: 'too-large' }],
  ['500000.50', { ok: false, problem: 'not-whole-pounds' }],
  ['-5', { ok: false, problem: 'not-whole-pounds' }],
  ['£500k', { ok: false, problem: 'not-whole-pounds' }],
  ['five hundred', { ok: false, problem: 'not-whole-pounds' }],
  ['', { ok: false, problem: 'not-whole-pounds' }],
  ['1e6', { ok: false, problem: 'not-whole-pounds' }],
];

for (const [typed, read] of readings) {
  test(`readWholePounds(${JSON.stringify(typed)}) with at most £1,000,000`, (t) => {
    t.deepEqual(readWholePounds(typed, 1_000_000), read);
  });
}

test('formatPounds prints money as the plan does', (t) => {
  t.is(formatPounds(500_000), '£500,000');
  t.is(formatPounds(14_700_000), '£14,700,000');
  t.is(formatPounds(0), '£0');
});
