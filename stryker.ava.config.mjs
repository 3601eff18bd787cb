// For `npm run mutate` only: the unit tests of the rules and guards, in one ava process.
export default {
  files: ['test/mutation/unit-tests.ts'],
  extensions: { ts: 'module' },
  nodeArguments: ['--import=tsx'],
  timeout: '60s',
  workerThreads: false,
};
