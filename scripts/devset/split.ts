/**
 * The tune/test split of the development sets, by document: a hash of the document id decides,
 * so the split is the same on every machine and every run, and a document's paragraphs and PDF
 * cases all fall on one side.
 */
import { createHash } from 'node:crypto';

export type Split = 'tune' | 'test';

/** Share of documents in the tuning part. */
export const tuneShare = 0.6;

/**
 * The side of the split a document belongs to.
 * @param doc the document id (`package/chapter`)
 */
export function splitOf(doc: string): Split {
  const digest = createHash('sha256').update(`folio-devset:${doc}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < tuneShare ? 'tune' : 'test';
}

/** A number in [0, 1) drawn from a string: for deterministic sampling. */
export function hashUnit(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}
