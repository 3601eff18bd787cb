import test from 'ava';
import { etagMatches, isNotModified } from '../../src/http/conditional.ts';
import { chooseCoding } from '../../src/http/content-coding.ts';

const etag = 'W/"abc"';
const modified = new Date('2024-02-23T09:00:00.500Z');

test('If-None-Match compares weakly, in lists, and * matches anything', (t) => {
  t.true(etagMatches('W/"abc"', etag));
  t.true(etagMatches('"abc"', etag), 'a strong tag from a cache that dropped W/');
  t.true(etagMatches('"x", W/"abc"', etag));
  t.true(etagMatches('*', etag));
  t.false(etagMatches('W/"abcd"', etag));
});

test('If-Modified-Since counts in whole seconds and yields to If-None-Match', (t) => {
  t.true(isNotModified({ ifModifiedSince: 'Fri, 23 Feb 2024 09:00:00 GMT' }, etag, modified));
  t.true(isNotModified({ ifModifiedSince: 'Fri, 23 Feb 2024 10:00:00 GMT' }, etag, modified));
  t.false(isNotModified({ ifModifiedSince: 'Fri, 23 Feb 2024 08:59:59 GMT' }, etag, modified));
  t.false(isNotModified({ ifModifiedSince: 'not a date' }, etag, modified));
  t.false(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: 'Fri, 23 Feb 2024 10:00:00 GMT' }, etag, modified));
  t.false(isNotModified({}, etag, modified));
});

test('the coding the client weights highest; brotli on a tie; none when refused', (t) => {
  t.is(chooseCoding('gzip, deflate, br'), 'br');
  t.is(chooseCoding('gzip'), 'gzip');
  t.is(chooseCoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  t.is(chooseCoding('*'), 'br');
  t.is(chooseCoding('*;q=0.1, gzip;q=0'), 'br');
  t.is(chooseCoding('identity'), undefined);
  t.is(chooseCoding('br;q=0, gzip;q=0'), undefined);
  t.is(chooseCoding(''), undefined);
  t.is(chooseCoding(undefined), undefined);
});
