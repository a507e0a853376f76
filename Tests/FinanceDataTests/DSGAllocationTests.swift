import FinanceData
import Foundation
import HighNeeds
import Testing

/// The DSG allocation tables as published, checked against figures read independently from the
/// files (a separate reader) and against the seed report.
@Suite("DSG allocations from the DfE tables")
struct DSGAllocationTests {
  /// Money read from the files is compared to a penny: the tables are whole pounds, and the
  /// 2019-20 table's £ million values × 10^6 are exact to about 10^-8 pounds.
  let penny = 0.01

  @Test("Medway's 2019-20 High Needs Block: £38.220m before deductions, £26.288m after, with provenance")
  func medway201920() throws {
    let dataset = try RealFinanceData.dataset()
    let before = try #require(dataset.record(.highNeedsBlock, for: "Medway", in: RealFinanceData.year(2019)))
    let after = try #require(
      dataset.record(.block(.highNeeds, .afterDeductions), for: "Medway", in: RealFinanceData.year(2019)))
    #expect(abs(try #require(before.value) - 38_220_067.600594504) < penny)
    #expect(abs(try #require(after.value) - 26_288_221.600594504) < penny)
    #expect(before.source.location.description == "dedicated-schools-grant.ods:Allocations_1920:130:E")
    #expect(after.source.location.description == "dedicated-schools-grant.ods:Allocations_1920:130:J")
    #expect(before.source.unitInFile == .millions)
    #expect(before.area.authority == Authority(name: "Medway", code: 887))
  }

  @Test("the seed's £38.226m is the 2019-20 High Needs Block before deductions; £5,932 remains unexplained by rounding")
  func seedFigure() throws {
    let seed = try String(
      contentsOf: RealFinanceData.shared.appendingPathComponent("seed/medway-cabinet-2020-04-07.txt"), encoding: .utf8)
    // Section 10.2: "the total allocation for Medway for 2019/20 is £38.226m".
    let match = try #require(seed.range(of: #"Medway for 2019/20 is £([0-9.]+)m"#, options: .regularExpression))
    let seedMillions = try #require(Double(seed[match].split(separator: "£")[1].dropLast()))
    let seedPounds = seedMillions * 1_000_000
    let dataset = try RealFinanceData.dataset()
    let before = try #require(dataset.record(.highNeedsBlock, for: "Medway", in: RealFinanceData.year(2019))?.value)
    let after = try #require(
      dataset.record(.block(.highNeeds, .afterDeductions), for: "Medway", in: RealFinanceData.year(2019))?.value)
    // Before deductions is within 0.02% of the seed; after deductions is £11.9m (31%) below it.
    #expect(abs(seedPounds - before) / seedPounds < 0.0002)
    #expect(seedPounds - after > 11_000_000)
    // The residual is £5,932.40: more than the seed's rounding to £1k (at most £500), so the seed
    // quotes another edition of the 2019-20 allocation than the one in the compilation (the DfE
    // revises allocations within the year); the files here hold only that one edition.
    #expect(abs(seedPounds - before - 5_932.399405496) < penny)
    #expect(seedPounds - before > 500)
  }

  /// Kent, every year, High Needs Block before and after deductions and total DSG before
  /// deductions, from a separate reading of the files; 2023-24 and 2022-23 from the July 2023
  /// editions, which replace the compilation's older figures.
  @Test(
    "Kent's High Needs Block and total DSG for each year 2019-20 to 2023-24",
    arguments: [
      (2019, 204_032_770.37120196, 190_811_584.37120197, 1_221_760_438.2632176, "dedicated-schools-grant.ods"),
      (2020, 222_918_942, 209_904_275, 1_307_392_982, "dedicated-schools-grant_2021_11_18.ods"),
      (2021, 249_004_381, 233_205_395, 1_429_826_870, "dedicated-schools-grant_2022_07_18.ods"),
      (2022, 282_136_146, 264_612_312, 1_515_907_775, "dedicated-schools-grant_2023_07_20.ods"),
      (2023, 311_663_662, 293_071_829, 1_624_348_991, "dedicated-schools-grant_2024_07_20.ods"),
    ])
  func kent(year: Int, before: Double, after: Double, total: Double, file: String) throws {
    let dataset = try RealFinanceData.dataset()
    let fy = RealFinanceData.year(year)
    let hnb = try #require(dataset.record(.highNeedsBlock, for: "Kent", in: fy))
    #expect(abs(try #require(hnb.value) - before) < penny)
    #expect(hnb.source.location.file == file)
    #expect(hnb.source.location.row == 129)
    let hnbAfter = try #require(dataset.record(.block(.highNeeds, .afterDeductions), for: "Kent", in: fy))
    #expect(abs(try #require(hnbAfter.value) - after) < penny)
    let dsg = try #require(dataset.record(.totalDSG, for: "Kent", in: fy))
    #expect(abs(try #require(dsg.value) - total) < penny)
    #expect(dsg.source.location.file == file)
  }

  @Test("the series has exactly the five published years; later years are not invented")
  func kentSeries() throws {
    let series = try RealFinanceData.dataset().series(.highNeedsBlock, for: "kent")
    #expect(series.keys.sorted().map(\.description) == ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"])
    #expect(try RealFinanceData.dataset().record(.highNeedsBlock, for: "Kent", in: RealFinanceData.year(2024)) == nil)
  }

  @Test("England's row equals the sum of its authorities in every table, year and block")
  func englandTotals() throws {
    let dataset = try RealFinanceData.dataset()
    let measures: [FinanceMeasure] = [.highNeedsBlock, .block(.highNeeds, .afterDeductions), .totalDSG]
    for measure in measures {
      let checks = dataset.nationalChecks(measure)
      // Nine allocation sheets (five in the compilation, four single-year tables), plus the
      // five sheets of the totals extract for total DSG.
      #expect(checks.count == (measure == .totalDSG ? 14 : 9))
      for check in checks {
        #expect(check.passes, "\(check)")
        #expect(check.missing == 0)
        #expect(abs(check.difference) < penny, "\(check)")
        #expect((149...151).contains(check.authorities))
      }
    }
  }

  @Test("where editions overlap the newer wins, and the choice says what differed")
  func editionChoices() throws {
    let choices = try RealFinanceData.dataset().editionChoices
    func choice(_ year: Int, _ measure: FinanceMeasure, superseded: String) -> EditionChoice? {
      choices.first {
        $0.period == .financialYear(RealFinanceData.year(year)) && $0.measure == measure
          && $0.superseded.file == superseded
      }
    }
    // 2023-24: the July 2023 table replaces the compilation's earlier figures for every authority.
    let hnb2324 = try #require(choice(2023, .highNeedsBlock, superseded: "dedicated-schools-grant.ods"))
    #expect(hnb2324.winner.file == "dedicated-schools-grant_2024_07_20.ods")
    #expect(hnb2324.winner.date?.description == "2023-07-20")
    #expect(hnb2324.compared == 152 && hnb2324.differing == 152)
    #expect(abs(hnb2324.largestDifference - 1_950_000) < penny)
    // 2020-21 and 2021-22: the compilation holds exactly the single-year tables' figures.
    for year in [2020, 2021] {
      let same = try #require(choice(year, .highNeedsBlock, superseded: "dedicated-schools-grant.ods"))
      #expect(same.differing == 0)
      #expect(same.winner.kind == .publishedTable)
    }
    // 2019-20 total DSG: the extract (£) equals the table (£ million × 10^6): the units agree.
    let total1920 = try #require(choice(2019, .totalDSG, superseded: "DSG_by_year_dr.xlsx"))
    #expect(total1920.winner.file == "dedicated-schools-grant.ods")
    #expect(total1920.compared == 150 && total1920.differing == 0)
    // 2020-21 total DSG: the extract's March 2021 figures differ from the November 2021 table.
    let total2021 = try #require(choice(2020, .totalDSG, superseded: "DSG_by_year_dr.xlsx"))
    #expect(total2021.winner.file == "dedicated-schools-grant_2021_11_18.ods")
    #expect(total2021.differing == 150)
  }
}
