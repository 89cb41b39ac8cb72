// Headless Debian Chromium driven by playwright-core (the test tool's own browser download cannot work offline).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { CHROMIUM_PATH } from './paths.mjs';

const require = createRequire(import.meta.url);

/** Flags that keep Chromium from calling out to the network it cannot reach here. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
