import { defineConfig, type Options } from 'tsup'
import { labelsAndShapes } from './scripts/unread-annotations.js'

const entry = { index: 'src/index.ts', model: 'src/model/index.ts', parse: 'src/parse/index.ts', sheet: 'src/sheet/index.ts', form: 'src/form/index.ts' }

const shared: Options = {
  entry,
  // The readers' libraries are optional dependencies, which tsup would otherwise bundle: loaded at run time, if installed.
  external: ['mammoth', 'pdfjs-dist', /^pdfjs-dist\//, /^read-excel-file/],
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  treeshake: true,
  // TypeScript 6 flags options that tsup's .d.ts build still passes.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
}

export default defineConfig([
  // ESM: dependencies stay external, except AJV's runtime helpers, which the parser's precompiled validator
  // require()s (an ES module cannot require them at run time).
  { ...shared, format: ['esm'], noExternal: [/^ajv\/dist\/runtime\//, /^ajv-formats\/dist\/formats/] },
  // CommonJS: typebox is ESM-only, so it is bundled in for `require()` users; the rest stays external.
  { ...shared, format: ['cjs'], noExternal: ['typebox'] },
  // The CSP-safe validator: AJV's runtime helpers bundled in, so it needs no require() and no new Function.
  ...(['esm', 'cjs'] as const).map((format) => ({
    ...shared,
    entry: { standalone: 'src/standalone/index.ts' },
    format: [format],
    noExternal: [/^ajv/],
  })),
  // The browser entry: the schema copies and the rules without their descriptions; zfxxgk-report/standalone stays
  // a dynamic import (loaded for invalid documents only).
  ...(['esm', 'cjs'] as const).map((format) => ({
    ...shared,
    entry: { browser: 'src/browser/index.ts' },
    format: [format],
    platform: 'browser' as const,
    external: ['zfxxgk-report/standalone'],
    esbuildPlugins: [labelsAndShapes],
  })),
  // The command line: an ESM file with a shebang, and the chunks each command loads when it runs (splitting), so that
  // start-up reads only what the command needs. It validates with the precompiled validators, whose require() of
  // AJV's runtime helpers cannot stay external in ESM.
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: true,
    external: ['mammoth', 'pdfjs-dist', /^pdfjs-dist\//, /^read-excel-file/],
    // The chunks in a folder of their own (`npm run build` empties dist/ first, so no chunk of an earlier build stays).
    esbuildOptions(options) {
      options.chunkNames = 'cli-chunks/[name]-[hash]'
    },
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    dts: false,
    noExternal: [/^ajv\/dist\/runtime\//, /^ajv-formats\/dist\/formats/],
  },
])
