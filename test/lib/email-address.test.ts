import test from 'ava';
import { isEmailAddress, isMailbox } from '../../src/lib/email-address.ts';

const addresses: [string, boolean][] = [
  ['name@example.com', true],
  ['first.last+tag@sub.example.co.uk', true],
  ["o'neill@example.org", true],
  ['x@bücher.de', true],
  ['a@xn--bcher-kva.de', true],
  ['democratic.services@example.gov.uk', true],
  [`${'a'.repeat(64)}@example.org`, true],
  ['', false],
  ['name', false],
  ['name@example', false],
  ['resident@localhost', false],
  ['name example@x.org', false],
  ['name@@example.org', false],
  ['@example.org', false],
  ['name@', false],
  ['name@.example.org', false],
  ['name@example..org', false],
  ['.name@example.org', false],
  ['name.@example.org', false],
  ['name@exa_mple.org', false],
  ['name@example.c0m', false],
  [`${'a'.repeat(65)}@example.org`, false],
  [`a@${'b'.repeat(250)}.org`, false],
  ['<a>@example.org', false],
  ['a@example.org, b@example.org', false],
  ['Resident <a@example.org>', false],
  ['"Resident" <resident@example.org>', false],
  ['resident@example.org\r\nBcc: x@example.org', false],
];
for (const [value, expected] of addresses) {
  test(`${JSON.stringify(value.slice(0, 40))} is ${expected ? '' : 'not '}an email address`, (t) => {
    t.is(isEmailAddress(value), expected);
  });
}

const mailboxes: [string, boolean][] = [
  ['forward-plan@example.gov.uk', true],
  ['Forward Plan <forward-plan@example.gov.uk>', true],
  ['<forward-plan@example.gov.uk>', true],
  ['Forward Plan <forward-plan@localhost>', false],
  ['Forward Plan forward-plan@example.gov.uk', false],
  ['Forward\r\nBcc: x@example.org <forward-plan@example.gov.uk>', false],
  ['Forward Plan <a@example.org> <b@example.org>', false],
];
for (const [value, expected] of mailboxes) {
  test(`${JSON.stringify(value)} is ${expected ? '' : 'not '}a mailbox`, (t) => {
    t.is(isMailbox(value), expected);
  });
}
