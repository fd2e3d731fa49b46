/** The publishing options and commands of `folio`, as a user types them. */
import { describe, expect, it } from 'vitest';
import { folio } from '../helpers/folio.ts';

describe('folio publishing commands', () => {
  it('lists watch and archive in the help, and documents the booklet options', async () => {
    const main = await folio('--help');
    expect(main.stdout).toMatch(/folio watch/);
    expect(main.stdout).toMatch(/folio archive list\|verify DIR/);
    const build = await folio('build', '--help');
    for (const option of ['--archive DIR', '--booklet-signature N', '--booklet-marks', '--booklet-bleed MM']) expect(build.stdout).toContain(option);
    expect((await folio('watch', '--help')).stdout).toMatch(/^Usage: folio watch/);
    expect((await folio('archive', '--help')).stdout).toMatch(/^Usage: folio archive list DIR/);
  });

  it('refuses a signature, a bleed or a port that is not a number it can use, with exit code 2', async () => {
    const signature = await folio('build', '--booklet-signature', '0');
    expect(signature.code).toBe(2);
    expect(signature.stderr).toMatch(/--booklet-signature must be a whole number at least 1, not "0"/);
    expect((await folio('build', '--booklet-signature', 'two')).code).toBe(2);
    const bleed = await folio('build', '--booklet-bleed', '50');
    expect(bleed.stderr).toMatch(/--booklet-bleed must be a number between 0 and 20, not "50"/);
    expect((await folio('watch', '--port', '70000')).code).toBe(2);
    expect((await folio('archive', 'list')).code).toBe(2);
  });
});
