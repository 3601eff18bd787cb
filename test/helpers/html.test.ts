import test from 'ava';
import { decodeEntities, visibleText } from './html.ts';

const cases: [string, string][] = [
  ['Fish &amp; chips', 'Fish & chips'],
  ['&lt;b&gt;', '<b>'],
  ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
  ['it&#39;s &quot;so&quot;', 'it\'s "so"'],
  ['&#x27;&#X41;&#65;', "'AA"],
  ['&unknown; stays', '&unknown; stays'],
  ['a&nbsp;b', 'a\u00a0b'],
];
for (const [html, text] of cases) {
  test(`${JSON.stringify(html)} reads ${JSON.stringify(text)}`, (t) => t.is(decodeEntities(html), text));
}

test('visible text leaves out scripts and tags and folds white space', (t) => {
  t.is(visibleText('<p>One\n  <script>x()</script><b>two</b></p>'), ' One two ');
});
