// Prints the run's totals as one plain line ("N passed, N failed, N skipped") after jest's own
// summary, so a reader of the CI log (or a tool) finds the counts without parsing jest's format.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(
      `\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
