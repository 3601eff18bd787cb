import test from 'ava';
import { normaliseScope, readFeedScope, scopeOfFilters, scopeQuery } from '../../src/decisions/following/feed-scope.ts';
import { describeScope } from '../../src/decisions/following/scope-label.ts';
import { HttpError } from '../../src/http/errors.ts';

test('scopes that select the same decisions have one query string, the cache key', (t) => {
  const a = readFeedScope({ ward: ['central', 'bretton'], part: 'key', q: '  new   school ' });
  const b = readFeedScope({ part: ['key', 'key'], ward: 'bretton,central', q: 'new school' });
  t.is(scopeQuery(a), '?ward=bretton&ward=central&part=key&q=new+school');
  t.is(scopeQuery(a), scopeQuery(b));
  t.is(scopeQuery(readFeedScope({})), '');
  t.is(scopeQuery(readFeedScope({ id: '12', page: '3' })), '?id=12', 'paging means nothing to a feed');
});

test('the filters of /decisions are validated as /decisions validates them, plus id', (t) => {
  const problems = (query: Record<string, string | string[]>) => {
    const error = t.throws(() => readFeedScope(query), { instanceOf: HttpError });
    t.is(error?.status, 400);
    return error?.details.join(' ') ?? '';
  };
  t.regex(problems({ part: 'secret' }), /'part' must be one of key, private, non_key, urgent/);
  t.regex(problems({ to: '2024-02-30' }), /'to' must be a real date/);
  t.regex(problems({ id: '0' }), /'id' must be a decision's number \(a whole number from 1 to 2147483647\)/);
  t.regex(problems({ id: ['1', '2'] }), /Give 'id' only once/);
  t.regex(problems({ committee: 'Bad Slug' }), /short name/);
});

test('a scope is described in words that follow "Follow"', (t) => {
  t.is(describeScope(scopeOfFilters({})), 'all decisions');
  t.is(
    describeScope(scopeOfFilters({ committee: ['children-and-education'] }), { committee: [{ slug: 'children-and-education', name: 'Children and Education Scrutiny Committee' }] }),
    'decisions of the Children and Education Scrutiny Committee',
  );
  t.is(
    describeScope(scopeOfFilters({ ward: ['a', 'b', 'c'], status: ['taken'], from: '2024-03-01' }), { ward: [{ slug: 'a', name: 'Ash' }, { slug: 'b', name: 'Birch' }, { slug: 'c', name: 'Cedar' }] }),
    'decisions affecting Ash, Birch or Cedar wards, that are taken, expected on or after 1 March 2024',
  );
  t.is(describeScope(normaliseScope({ ...scopeOfFilters({}), decisionId: 4 }), {}, { title: 'A & B', reference: null }), 'the decision “A & B”');
});
