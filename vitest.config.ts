import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The browser entry loads zfxxgk-report/standalone by the package's own name (a self-reference, which needs dist/):
  // in the tests, the sources.
  resolve: { alias: { 'zfxxgk-report/standalone': fileURLToPath(new URL('./src/standalone/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The JSON report is what .ci/run reads to print "N passed, N failed".
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
})
