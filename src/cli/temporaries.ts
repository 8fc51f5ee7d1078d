/**
 * The temporary files and folders being written (by io.ts, atomically), which the executable removes when it is
 * interrupted. A module of its own, so that the executable holds it without loading the rest of the CLI.
 */
export const temporaries = new Set<string>()
