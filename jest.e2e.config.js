// End-to-end tests: the h5 build served by the local runtime, driven in Debian's Chromium.
// Run after `npm run build:h5` (npm run test:e2e does both).
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: {
    '^@minyi/types$': '<rootDir>/types/index.ts',
    '^@minyi/types/(.*)$': '<rootDir>/types/$1',
  },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
}
