// Unit, api and store-contract tests. The end-to-end suite has its own config (jest.e2e.config.js)
// because it needs the h5 build and a browser.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
  ],
}
const moduleNameMapper = {
  '^@minyi/types$': '<rootDir>/types/index.ts',
  '^@minyi/types/(.*)$': '<rootDir>/types/$1',
  '^@/(.*)$': '<rootDir>/src/$1',
}
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts?(x)`],
  ...extra,
})

module.exports = {
  projects: [project('unit'), project('api'), project('contract')],
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
}
