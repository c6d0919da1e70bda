/**
 * The in-host half of the Restricted Mode case of test/e2e/assistantConsent.test.ts. Kept apart
 * from suite/, whose sessions are trusted.
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 150000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'consent.host.js'));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
