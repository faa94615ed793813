/** Jest projects: one per harness, so each can be run alone (`npx jest --selectProjects unit`). */
const ts = {
  '^.+\\.tsx?$': [
    'ts-jest',
    { tsconfig: { module: 'commonjs', jsx: 'react-jsx', isolatedModules: true } },
  ],
}
const common = {
  testEnvironment: 'node',
  transform: ts,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
}

module.exports = {
  // Two workers on two cores: each has the functions' one seeded backend (its function workers mostly
  // wait on I/O), and the fuzz's shards run beside the rest.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/slowest-first.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'emulator',
      setupFilesAfterEnv: ['<rootDir>/test/slow-budget.ts'],
      testMatch: ['<rootDir>/test/emulator/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'functions',
      // Whole flows through the emulator's function workers: generous on a loaded 2-core machine.
      setupFilesAfterEnv: ['<rootDir>/test/slow-budget.ts'],
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
      globalSetup: '<rootDir>/test/functions/global-setup.ts',
      globalTeardown: '<rootDir>/test/functions/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/weapp/still-time.ts'],
      globalSetup: '<rootDir>/test/weapp/global-setup.ts',
      globalTeardown: '<rootDir>/test/weapp/global-teardown.ts',
    },
  ],
}
