import Forecasting
import Foundation

/// The local authority series of `ehcp_caseload_2010_2020.csv` (SEN2) that W2 forecasts:
/// rows with level "Local authority" whose eleven counts 2010…2020 are all present and
/// positive (the same rule as `peers/w2_peers.R` and `backtest/peers.R`).
enum SEN2Series {
  struct Authority {
    let code: String
    let series: TimeSeries
  }

  static let years = Array(2010...2020)

  static func load(_ path: String) throws -> (complete: [Authority], skipped: Int) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw BenchError("cannot read \(path)")
    }
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { throw BenchError("\(path) is empty") }
    let header = fields(lines.removeFirst())
    guard let level = header.firstIndex(of: "level"), let code = header.firstIndex(of: "code") else {
      throw BenchError("\(path): no level/code columns")
    }
    let columns = try years.map { year in
      guard let i = header.firstIndex(of: String(year)) else { throw BenchError("\(path): no column \(year)") }
      return i
    }
    var complete: [Authority] = []
    var skipped = 0
    for line in lines {
      let row = fields(line)
      guard row.count == header.count, row[level] == "Local authority" else { continue }
      let values = columns.compactMap { Double(row[$0].trimmingCharacters(in: .whitespaces)) }
      guard values.count == years.count, values.allSatisfy({ $0 > 0 }) else {
        skipped += 1
        continue
      }
      complete.append(Authority(code: row[code], series: try TimeSeries(times: years, values: values)))
    }
    return (complete, skipped)
  }

  /// Splits one CSV record, honouring double quotes ("Bristol, City of").
  static func fields(_ line: String) -> [String] {
    var result: [String] = []
    var field = ""
    var quoted = false
    var iterator = line.makeIterator()
    while let c = iterator.next() {
      if quoted {
        if c == "\"" { quoted = false } else { field.append(c) }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        result.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    result.append(field)
    return result
  }
}
