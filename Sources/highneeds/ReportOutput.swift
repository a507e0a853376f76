import ArgumentParser
import Reports

extension ReportFormat: ExpressibleByArgument {}

/// Writes `report` in `format` to `output` (atomically), or to standard output when it is nil;
/// never over one of `inputs`. Every command's report goes out through here.
func emit(_ report: some Report, as format: ReportFormat, to output: String?, protecting inputs: [String] = []) throws {
  try writeOutput(render(report, as: format), to: output, protecting: inputs)
}

/// Fails with a usage error (exit 64) unless `format` is one that reports of type `R` have.
func requireFormat<R: Report>(_ format: ReportFormat, for _: R.Type, option: String = "--format") throws {
  guard R.formats.contains(format) else {
    throw ValidationError(
      "\(option) \(format.rawValue) is not available here; use one of: \(R.formats.map(\.rawValue).joined(separator: ", "))")
  }
}
