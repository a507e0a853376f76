import FinanceData
import Foundation
import HighNeeds
import Testing

/// Records as plain columns for a store, and back.
@Suite("Finance rows")
struct FinanceRowTests {
  @Test("every record of the real files survives the round trip to columns and back")
  func roundTrip() throws {
    let dataset = try RealFinanceData.dataset()
    for record in dataset.records + dataset.superseded {
      let rebuilt = try FinanceRecord(row: record.row)
      #expect(rebuilt == record, "\(record)")
    }
    let rebuiltDataset = FinanceDataset(
      dataset.files, records: try (dataset.records + dataset.superseded).map { try FinanceRecord(row: $0.row) })
    #expect(rebuiltDataset.records.count == dataset.records.count)
    #expect(rebuiltDataset.editionChoices == dataset.editionChoices)
  }

  @Test("a row with an unknown measure is refused with its location")
  func unknownMeasure() throws {
    var row = try #require(try RealFinanceData.dataset().records.first).row
    row.measure = "hnb.sideways"
    #expect(throws: DerivationError.self) { try FinanceRecord(row: row) }
  }

  @Test("measure codes are unique and parse back")
  func measureCodes() {
    let codes = FinanceMeasure.allCases.map(\.code)
    #expect(Set(codes).count == codes.count)
    for measure in FinanceMeasure.allCases { #expect(FinanceMeasure(code: measure.code) == measure) }
  }
}
