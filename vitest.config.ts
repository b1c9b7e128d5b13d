import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests run React's development build (which has `act`), whatever NODE_ENV the caller left
    // behind: `npm test` builds the app in production mode first, in the same process.
    env: { NODE_ENV: 'test' },
    // A spy on a class (a write made to fail) never outlives its test, even one that failed half way.
    restoreMocks: true,
  },
});
