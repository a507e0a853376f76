import ArgumentParser
import Reports

extension ReportFormat: ExpressibleByArgument {}

/// Writes `report` in `format` to `output` (atomically), or to standard output when it is nil;
/// never over one of `inputs`. Every command's report goes out through here.
///
/// `xlsx` is a file, not text: it needs `output` (exit 64 without), and a workbook that cannot
/// be written exits 73 with the file left as it was.
func emit(_ report: some Report, as format: ReportFormat, to output: String?, protecting inputs: [String] = []) throws {
  guard format == .xlsx else {
    try writeOutput(render(report, as: format), to: output, protecting: inputs)
    return
  }
  guard let output else {
    throw Failure(kind: .usage, message: "--format xlsx writes a workbook: give the file with --output PLAN.xlsx")
  }
  guard let workbook = report.workbook() else {
    throw Failure(kind: .usage, message: "--format xlsx: this report has no workbook")
  }
  // The same checks as any output (a folder, a read-only file, an input): nothing is touched.
  try checkWritable(output, protecting: inputs)
  do {
    try workbook.write(to: output)
  } catch {
    throw Failure.outputUnwritable("cannot write \(output): \(error.description)")
  }
}

/// Fails with a usage error (exit 64) unless `format` is one that reports of type `R` have.
func requireFormat<R: Report>(_ format: ReportFormat, for _: R.Type, option: String = "--format") throws {
  guard R.formats.contains(format) else {
    throw ValidationError(
      "\(option) \(format.rawValue) is not available here; use one of: \(R.formats.map(\.rawValue).joined(separator: ", "))")
  }
}
