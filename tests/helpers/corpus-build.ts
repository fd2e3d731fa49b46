/**
 * The corpus build shared by the end-to-end tests, made once by the global setup
 * (`tests/setup/corpus-build.ts`): where its outputs are and what `build()` returned.
 */
import { inject } from 'vitest';
import type { Edition } from '../../src/assemble/edition.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';

export interface CorpusBuild {
  manifestPath: string;
  /** The build's output folder. */
  outDir: string;
  /** The archive it was stored in. */
  archiveDir: string;
  /** The edition as printed (`BuildResult.edition`). */
  edition: Edition;
  diagnostics: Diagnostic[];
  archiveStatus?: string;
  seconds: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    corpusBuild: CorpusBuild | null;
  }
}

/** The shared corpus build, or undefined when no browser is installed (the tests skip). */
export function corpusBuild(): CorpusBuild | undefined {
  return inject('corpusBuild') ?? undefined;
}
