/**
 * The shape of the code, checked: imports run one way — CLI → pipeline (and watch, which composes
 * the same stages) → stages → language, sources and the leaf modules — and no module imports
 * itself back through others. Reads the import statements of `src/` (static and dynamic, type-only
 * included), as `madge --circular` would.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.split(path.sep).join('/'));

/** Each module's imports of other modules of `src/`, as paths relative to `src/`. */
const graph = new Map<string, string[]>(
  files.map((file) => {
    const code = readFileSync(path.join(src, file), 'utf8');
    const targets = [...code.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+\.ts)'/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
    return [file, targets];
  }),
);

/** The layer of a module: a module may import its own layer or a lower one. */
function layer(file: string): number {
  const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
  if (top === 'cli.ts' || top === 'cli') return 4;
  if (top === 'pipeline' || top === 'watch') return 3;
  if (['language', 'sources', 'messages', 'diagnostics.ts', 'diagnostic-rules.ts', 'package.ts'].includes(top)) return 1;
  return 2; // the stages: repair, extract, assemble, typography, render, publish, archive
}

describe('the import graph of src/', () => {
  it('finds the modules and their imports', () => {
    expect(files).toContain('cli.ts');
    expect(graph.get('pipeline/build.ts')!.length).toBeGreaterThan(3);
    for (const [file, targets] of graph) for (const t of targets) expect(files, `${file} imports ${t}, which does not exist`).toContain(t);
  });

  it('runs one way: no module imports a higher layer', () => {
    const upward = [...graph].flatMap(([file, targets]) => targets.filter((t) => layer(t) > layer(file)).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const t of graph.get(file) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
