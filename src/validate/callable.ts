/**
 * The function a CommonJS module exports, however it arrives: under Node ESM, TypeScript's NodeNext resolution or a
 * bundle, the module object itself or its `default` (once or twice wrapped) is the function.
 */
export function callable<T>(module: unknown): T {
  const candidate = module as { default?: unknown }
  if (typeof candidate === 'function') return candidate as T
  if (typeof candidate.default === 'function') return candidate.default as T
  const nested = candidate.default as { default?: unknown } | undefined
  return nested?.default as T
}
