/** Types for the `hyphen` package's language modules, which ship none. */
declare module 'hyphen/fr' {
  export interface HyphenateOptions {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  export function hyphenateSync(text: string, options?: HyphenateOptions): string;
  export function hyphenate(text: string, options?: HyphenateOptions): Promise<string>;
}
