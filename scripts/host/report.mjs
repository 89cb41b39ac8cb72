// Prints the JSON report that test/vscode/index.ts writes, the same way for every host that ran it.

/** Prints the host's facts and every test; returns the problems that must fail the run besides failed tests. */
export function printHostReport(report, { expectedVersion } = {}) {
  console.log(`\nExtension host: VS Code ${report.vscodeVersion} (${report.appName}, UI ${report.uiKind}, language ${report.language})`);
  for (const test of report.tests) {
    const mark = { passed: 'PASS', failed: 'FAIL', pending: 'SKIP' }[test.state];
    console.log(`  ${mark} ${test.title}${test.state === 'pending' ? '' : ` (${test.durationMs}ms)`}`);
    if (test.error) console.log(test.error.split('\n').map((line) => `       ${line}`).join('\n'));
  }
  if (report.fatal) console.log(`\nThe suite could not run to the end:\n${report.fatal}`);
  const problems = [];
  if (report.fatal) problems.push('the suite did not run to the end');
  if (report.passed + report.failed === 0) problems.push('no test ran');
  if (expectedVersion && report.vscodeVersion !== expectedVersion) {
    problems.push(`expected VS Code ${expectedVersion} from the pinned host, got ${report.vscodeVersion}`);
  }
  return problems;
}

/** Prints the suite's closing line (`label: N passed, N failed`) and returns the exit code. */
export function finishSuite(label, passed, failed, problems = []) {
  for (const problem of problems) console.error(`error: ${problem}`);
  // A suite that could not run counts as one failure, so the total never reads as green.
  const failedTotal = failed + (problems.length > 0 && failed === 0 ? 1 : 0);
  console.log(`${label}: ${passed} passed, ${failedTotal} failed`);
  return failedTotal > 0 ? 1 : 0;
}
