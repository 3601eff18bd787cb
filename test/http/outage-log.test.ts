import test from 'ava';
import type { Context } from 'koa';
import { outageLogger } from '../../src/http/errors.ts';

test('an outage is logged as one line at a time, with a count of the requests it stands for', (t) => {
  const lines: string[] = [];
  const log = outageLogger((line) => lines.push(line), 60_000);
  const ctx = (path: string) => ({ method: 'GET', path }) as Context;
  const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  for (let i = 0; i < 50; i += 1) log(ctx(`/decisions/${i}`), error);
  t.deepEqual(lines, ['503 GET /decisions/0: database unavailable: connect ECONNREFUSED 127.0.0.1:5432']);
  t.false(lines[0]!.includes('\n'), 'no stack trace');

  const next = outageLogger((line) => lines.push(line), 0);
  next(ctx('/'), error);
  next(ctx('/plans'), error);
  t.is(lines.length, 3, 'a line again once the interval has passed');
});
