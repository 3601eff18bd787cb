import test from 'ava';
import { hashClientAddress } from '../../src/lib/client-key.ts';

const cases: [string, [string, string], [string, string], boolean][] = [
  ['the same address under the same secret', ['secret', '192.0.2.1'], ['secret', '192.0.2.1'], true],
  ['another address', ['secret', '192.0.2.1'], ['secret', '192.0.2.2'], false],
  ['another secret', ['secret', '192.0.2.1'], ['other secret', '192.0.2.1'], false],
  ['an IPv6 address and its neighbour', ['secret', '2001:db8::1'], ['secret', '2001:db8::2'], false],
];
for (const [name, [secretA, addressA], [secretB, addressB], same] of cases) {
  test(`client keys: ${name} ${same ? 'give the same key' : 'give different keys'}`, (t) => {
    t.is(hashClientAddress(secretA, addressA) === hashClientAddress(secretB, addressB), same);
  });
}

for (const address of ['192.0.2.1', '2001:db8::1', 'unknown']) {
  test(`the key of ${address} is 64 hex digits and does not contain the address`, (t) => {
    const key = hashClientAddress('secret', address);
    t.regex(key, /^[0-9a-f]{64}$/);
    t.false(key.includes(address));
  });
}
