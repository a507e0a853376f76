import FinanceData
import Foundation
import HighNeeds
import Testing

/// The benchmarking extract and the DSG balance file, against values read independently.
@Suite("High needs benchmarking and DSG balance")
struct BenchmarkingAndBalanceTests {
  let penny = 0.01

  @Test("Medway's section 251 lines, plans by placement and population, with their cells")
  func medwayBenchmarking() throws {
    let dataset = try RealFinanceData.dataset()
    let budget = try #require(
      dataset.record(.section251Budget(.topUpIndependent), for: "Medway", in: RealFinanceData.year(2021)))
    #expect(budget.value == 19_649_430)
    #expect(budget.source.location.description == "high_needs_benchmarking_outturn_2021-22.xlsx:Sheet1:104:AE")
    let outturn = try #require(
      dataset.record(.section251Outturn(.topUpIndependentSpecial), for: "Medway", in: RealFinanceData.year(2020)))
    #expect(outturn.value == 20_155_821)
    #expect(outturn.source.location.column == "CB")
    let plans = try #require(dataset.record(.plans(nil), for: "Medway", in: .census(CensusYear(2021))))
    #expect(plans.value == 2507)
    let independent = dataset.record(.plans(.independentSpecial), for: "Medway", in: .census(CensusYear(2021)))
    #expect(independent?.value == 270)
    #expect(independent?.source.location.column == "K")
    let population = try #require(dataset.record(.population2to18, for: "Medway", in: .midYear(2021))?.value)
    #expect(abs(population - 62_236.984) < 1e-6)
  }

  @Test("a line the tool could not fill (#N/A) is missing, not zero")
  func suppressedIsMissing() throws {
    let record = try #require(
      try RealFinanceData.dataset().record(
        .section251Budget(.placeFunding), for: "Northamptonshire", in: RealFinanceData.year(2021)))
    #expect(record.value == nil)
    #expect(record.missing == .formulaError("#N/A"))
    #expect(record.pounds == nil)
  }

  @Test("the tool's plan counts are SEN2's January 2021 counts, authority by authority")
  func plansAreSEN2January2021() throws {
    let dataset = try RealFinanceData.dataset()
    let csv = try String(
      contentsOf: RealFinanceData.shared.appendingPathComponent("data/sen2/ehcp_caseload_2010_2025.csv"),
      encoding: .utf8)
    let lines = csv.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let header = try #require(lines.first).map(String.init)
    let column2021 = try #require(header.firstIndex(of: "2021"))
    var sen2: [String: Double] = [:]
    for fields in lines.dropFirst() where fields.first == "Local authority" && fields.count == header.count {
      // Names with commas ("Bristol, City of") are quoted and split: skip them rather than misread.
      if let value = Double(fields[column2021]) { sen2[AuthorityName.key(String(fields[2]))] = value }
    }
    var compared = 0
    for record in dataset.records where record.measure == .plans(nil) {
      guard let authority = record.area.authority, let expected = sen2[authority.nameKey], let value = record.value
      else { continue }
      compared += 1
      #expect(value == expected, "\(authority): benchmarking \(value), SEN2 2021 \(expected)")
    }
    #expect(compared >= 140)
  }

  @Test("the budget year, outturn year and population year are read from the sheet")
  func years() throws {
    let records = try RealFinanceData.dataset().records(for: "Kent")
    let budgetYears = Set(records.compactMap { if case .section251Budget = $0.measure { $0.period } else { nil } })
    let outturnYears = Set(records.compactMap { if case .section251Outturn = $0.measure { $0.period } else { nil } })
    #expect(budgetYears == [.financialYear(RealFinanceData.year(2021))])
    #expect(outturnYears == [.financialYear(RealFinanceData.year(2020))])
    #expect(records.contains { $0.measure == .population2to18 && $0.period == .midYear(2021) })
  }

  @Test(
    "Medway's and Kent's DSG balance as % of income, 2019-20 to 2021-22",
    arguments: [
      ("Medway", [-3.96, -6.49, -8.6]), ("Kent", [-1.76, -3.9, -6.83]), ("England", [-1.08, -1.69, -2.26]),
    ])
  func balances(area: String, expected: [Double]) throws {
    let series = try RealFinanceData.dataset().series(.dsgBalancePercentOfIncome, for: area)
    #expect(series.keys.sorted().map(\.startYear) == [2019, 2020, 2021])
    for (offset, year) in series.keys.sorted().enumerated() {
      #expect(series[year]?.value == expected[offset])
      #expect(series[year]?.source.location.file == "dsg_deficit_derived.xlsx")
    }
  }

  @Test("name-only balance records take the LA code of the same name in the DSG tables")
  func balanceCodes() throws {
    let record = try #require(
      try RealFinanceData.dataset().record(.dsgBalancePercentOfIncome, for: "887", in: RealFinanceData.year(2019)))
    #expect(record.area.authority?.code == 887)
    #expect(record.source.location.row == 153)
  }
}
