/**
 * Launches the Chromium the browser tests drive: CHROMIUM_PATH, else Debian's chromium, which the
 * project's setup installs for the tests (`node scripts/setup.js --for-tests`, npm's pretest).
 * Headless; `--no-sandbox` only as root, where Chromium refuses to start with its sandbox.
 */
import fs from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  const found = configured ? (fs.existsSync(configured) ? configured : undefined) : CANDIDATES.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(
      `No Chromium ${configured ? `at CHROMIUM_PATH=${configured}` : `at ${CANDIDATES.join(' or ')}`}: run \`node scripts/setup.js --for-tests\` ` +
        '(installs Debian\'s chromium with apt-get), `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...(asRoot ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'],
  });
}
