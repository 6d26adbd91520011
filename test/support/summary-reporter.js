// Prints one plain closing line that CI can read whatever the runner: "tests: N passed, N failed, N skipped".
// A run that executed no test is therefore visible as "tests: 0 passed, 0 failed".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
