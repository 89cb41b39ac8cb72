// Preloaded with `node --require` into a benchmarked CLI process: when it exits, writes its peak
// resident memory (kilobytes) to the file named by CAUSEWAY_BENCH_RSS_FILE. Used only by bench/.

import { writeFileSync } from 'node:fs';

const target = process.env.CAUSEWAY_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
