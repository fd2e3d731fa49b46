/** The registry of rules and the README agree: every rule is listed, every anchor exists. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/diagnostic-rules.ts';
import { readmePath, withRulesTable } from '../scripts/readme-rules.ts';

const readme = readFileSync(readmePath, 'utf8');

/** GitHub's anchors of the README's headings. */
const anchors = new Set(
  [...readme.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => `#${m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')}`),
);

describe('the rules of diagnostics', () => {
  it('are listed in the README as the registry says (npx tsx scripts/readme-rules.ts rewrites the table)', () => {
    expect(readme).toBe(withRulesTable(readme));
  });

  it('each point to a section of the README', () => {
    for (const [id, r] of Object.entries(rules)) expect(anchors, `${id}: ${r.doc}`).toContain(r.doc);
  });
});
