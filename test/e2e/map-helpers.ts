// Shared by the map UI specs.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { TEST_RESULTS_DIR } from './harness';

/** Zooms the map to at least 100% with its toolbar, around the middle of the view. */
export async function zoomToActualSize(frame: Frame): Promise<number> {
  const zoomOf = () => frame.evaluate(() => {
    const svg = document.querySelector('#map svg.cw-map');
    const box = svg?.getAttribute('viewBox')?.split(' ').map(Number);
    return box ? document.getElementById('map')!.clientWidth / box[2] : 1;
  });
  for (let i = 0; i < 12 && (await zoomOf()) < 0.99; i++) await frame.locator('#cw-zoom-in').click();
  return zoomOf();
}

/** A PNG of the map area alone, at actual size, centred on one node: readable where the full screenshot is not. */
export async function closeUp(frame: Frame, nodeId: string, name: string): Promise<string> {
  await zoomToActualSize(frame);
  await frame.locator('#cw-search').fill(nodeId);
  await frame.locator('#cw-search').press('Enter');
  await frame.locator('#cw-search').fill('');
  fs.mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
  await frame.locator('#map').screenshot({ path: file });
  return file;
}
