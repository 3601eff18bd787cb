import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { testConfig } from '../../src/config/config.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { createMailer } from '../../src/mail/outbox.service.ts';
import { freshDb } from '../helpers/db.ts';
import { parseMessage } from './smtp-sink.ts';

test('with no SMTP_URL each message is written as an .eml file in DATA_DIR/mail', async (t) => {
  const { db, close } = await freshDb();
  t.teardown(close);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fp-mail-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = testConfig({ dataDir, smtpUrl: undefined, baseUrl: 'https://forwardplan.example.gov.uk' });
  const mail = createMailer(config, db, new ManualClock('2026-11-23T09:00:00Z'));

  const { id } = await mail.enqueue(db, {
    to: 'resident@example.org',
    subject: 'Your comment FPC-2024-000123 has been received',
    text: 'Thank you for your comment on "Fees & charges 2024/25".',
    headers: { 'List-Unsubscribe': '<https://forwardplan.example.gov.uk/alerts/unsubscribe/abc>' },
    kind: 'comment-ack',
  });
  t.deepEqual(await mail.drain(), { sent: 1, failed: 0, retried: 0 });

  const folder = path.join(dataDir, 'mail');
  t.deepEqual(await readdir(folder), [`outbox-${id}.eml`]);
  const raw = await readFile(path.join(folder, `outbox-${id}.eml`), 'utf8');
  t.true(raw.includes('\r\n'), 'RFC 822 line endings');
  const { headers, body } = parseMessage(raw);
  t.is(headers.get('to'), 'resident@example.org');
  t.is(headers.get('from'), config.mailFrom);
  t.is(headers.get('subject'), 'Your comment FPC-2024-000123 has been received');
  t.is(headers.get('message-id'), `<outbox-${id}@forwardplan.example.gov.uk>`);
  t.is(headers.get('list-unsubscribe'), '<https://forwardplan.example.gov.uk/alerts/unsubscribe/abc>');
  t.is(headers.get('auto-submitted'), 'auto-generated');
  t.regex(body, /Thank you for your comment on "Fees & charges 2024\/25"\./);
});
