/** Runs the `folio` command in-process (no new Node process per call), capturing what it prints. */
import { main } from '../../src/cli.ts';

export async function folio(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
