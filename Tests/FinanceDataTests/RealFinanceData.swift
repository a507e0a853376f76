import FinanceData
import Foundation
import HighNeeds

/// The finance files in `../shared/data/finance`, read once for all tests.
enum RealFinanceData {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static let directory = shared.appendingPathComponent("data/finance")

  static let loaded: Result<FinanceDataset, Error> = Result { try FinanceDataset.load(directory: directory) }

  static func dataset() throws -> FinanceDataset { try loaded.get() }

  static func year(_ start: Int) -> FinancialYear { FinancialYear(startYear: start) }
}
