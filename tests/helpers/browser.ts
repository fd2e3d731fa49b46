/** Whether a browser is installed; end-to-end tests skip, loudly, when none is. */
import { resolveBrowser } from '../../src/render/browser.ts';

export function browserAvailable(): boolean {
  try {
    resolveBrowser();
    return true;
  } catch (error) {
    const line = '!'.repeat(78);
    console.warn(`\n${line}\n!! SKIPPING the end-to-end tests: ${error instanceof Error ? error.message : error}\n${line}\n`);
    return false;
  }
}
