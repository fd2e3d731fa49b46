/**
 * What every stage of the pipeline returns — its value and its diagnostics, together, as Typst's
 * compiler does — and how the pipeline times a stage for the progress lines.
 */
import type { Diagnostic } from '../diagnostics.ts';

/** A stage's output: what it made, and everything it has to say about it. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export type StageName = 'read' | 'repair' | 'extract' | 'assemble' | 'paginate' | 'booklet' | 'handouts' | 'archive' | 'write';

export interface ProgressEvent {
  stage: StageName;
  /** Milliseconds the stage took. */
  ms: number;
  detail?: string;
}

export type OnProgress = (event: ProgressEvent) => void;

/**
 * Runs a stage and reports how long it took.
 * @param name the stage, for the progress line
 * @param onProgress where progress goes (nowhere when undefined)
 * @param run the stage
 * @param detail a few words on what it made
 */
export async function timed<T>(name: StageName, onProgress: OnProgress | undefined, run: () => Promise<T> | T, detail?: (result: T) => string): Promise<T> {
  const start = performance.now();
  const result = await run();
  onProgress?.({ stage: name, ms: Math.round(performance.now() - start), detail: detail?.(result) });
  return result;
}
