import FinanceData
import Foundation
import HighNeeds
import Testing

/// Derived figures: opening reserve and unit costs, with their inputs.
@Suite("Derivations from the finance records")
struct DerivationTests {
  @Test("Medway's opening reserve for 2020-21: -3.96% of 2019-20 total DSG, marked derived, inputs cited")
  func medwayOpeningReserve() throws {
    let dataset = try RealFinanceData.dataset()
    let reserve = try #require(dataset.openingReserve(for: "Medway", in: RealFinanceData.year(2020)))
    // -3.96 / 100 × £235,998,482.651377 (total DSG before deductions, 2019-20), computed by hand.
    let expected = -0.0396 * 235_998_482.651377
    #expect(abs(reserve.value - expected) < 0.01)
    #expect(reserve.isDerived)
    #expect(
      reserve.inputs.map(\.source.location.description) == [
        "dsg_deficit_derived.xlsx:Sheet 1:153:F", "dedicated-schools-grant.ods:Allocations_1920:130:G",
      ])
    #expect(reserve.formula.hasPrefix("-3.96% × £235,998,483 (dsg.total.before_deductions 2019-20) = -£9,345,540"))
    // Plausibility, not identity: the seed's Q3 forecast cumulative deficit at 31 March 2020 was
    // £9.604m (section 10.4); the published outturn balance gives £9.346m, 2.7% less.
    #expect(abs(-reserve.value - 9_604_000) / 9_604_000 < 0.03)
    #expect(dataset.openingReserves(for: "Medway").keys.sorted().map(\.startYear) == [2020, 2021, 2022])
  }

  /// `Dorset` in the balance file (names only) is Dorset Council, LA code 838, from April 2019;
  /// the benchmarking extract also has a `Dorset` row with the county's old code 835. The
  /// balance must join the code the allocation tables give Dorset in the same year.
  @Test("Dorset's balance joins Dorset Council (838), not the old county (835)")
  func dorsetBalanceJoinsTheNewCouncil() throws {
    let dataset = try RealFinanceData.dataset()
    let reserve = try #require(dataset.openingReserve(for: "838", in: RealFinanceData.year(2020)))
    // -8.82% (dsg_deficit_derived.xlsx, 2019-20) × £247.16298009425802m (Allocations_1920, 838).
    #expect(abs(reserve.value - (-0.0882 * 247_162_980.09425802)) < 0.01)
    #expect(dataset.openingReserve(for: "835", in: RealFinanceData.year(2020)) == nil)
  }

  /// The reconciling income of Medway's 2020-21 outturn: the published balance movement (reserves
  /// at the start and the end, derived) less block − spend; the inputs must be of one year.
  @Test("the reconciling income closes the outturn year on the published movement, and refuses a wrong year")
  func medwayReconcilingIncome() throws {
    let dataset = try RealFinanceData.dataset()
    let year = RealFinanceData.year(2020)
    let lines = dataset.section251(for: "Medway", outturn: true).filter { $0.period == .financialYear(year) }
    let spend = try FinanceDerivation.sum(
      "high needs spend",
      of: [.placeFunding, .topUpMaintained, .topUpIndependent, .senSupport, .alternativeProvisionServices,
        .hospitalEducation, .therapies],
      deductions: [.total], lines: lines, deductionRecords: dataset.placeDeductions(for: "Medway"))
    let block = try #require(dataset.record(.highNeedsBlock, for: "Medway", in: year))
    let opening = try #require(dataset.openingReserve(for: "Medway", in: year))
    let closing = try #require(dataset.openingReserve(for: "Medway", in: year.advanced(by: 1)))
    let income = try FinanceDerivation.reconcilingIncome(spend: spend, block: block, opening: opening, closing: closing)
    #expect(income.isDerived)
    #expect(abs((block.value ?? 0) + income.value - spend.value - (closing.value - opening.value)) < 0.01)
    // Medway 2020-21: £12.4m over the block while the deficit grew £6.9m (README), so about £5.5m.
    #expect(abs(income.value - 5_500_000) < 100_000)
    #expect(income.formula.contains("published deficit movement 2020-21"))
    #expect(income.inputs.contains { $0.source.location.description == block.source.location.description })
    #expect(throws: DerivationError.self) {
      try FinanceDerivation.reconcilingIncome(spend: spend, block: block, opening: closing, closing: opening)
    }
  }

  @Test("no opening reserve is derived where no balance is published")
  func noReserveWithoutBalance() throws {
    #expect(try RealFinanceData.dataset().openingReserve(for: "Medway", in: RealFinanceData.year(2019)) == nil)
  }

  @Test("the derivation refuses mismatched inputs")
  func mismatched() throws {
    let dataset = try RealFinanceData.dataset()
    let balance = try #require(
      dataset.record(.dsgBalancePercentOfIncome, for: "Medway", in: RealFinanceData.year(2019)))
    let kentIncome = try #require(dataset.record(.totalDSG, for: "Kent", in: RealFinanceData.year(2019)))
    let laterIncome = try #require(dataset.record(.totalDSG, for: "Medway", in: RealFinanceData.year(2020)))
    #expect(throws: DerivationError.self) { try FinanceDerivation.openingReserve(balance: balance, income: kentIncome) }
    #expect(throws: DerivationError.self) {
      try FinanceDerivation.openingReserve(balance: balance, income: laterIncome)
    }
    #expect(throws: DerivationError.self) { try FinanceDerivation.openingReserve(balance: kentIncome, income: balance) }
  }

  @Test("Medway's independent special unit cost from s251 outturn 2020-21 over a placement count given")
  func medwayUnitCost() throws {
    let dataset = try RealFinanceData.dataset()
    // A count passed in as SEN2 would pass it: 270 plans in NMSS or independent schools.
    let placements = DerivationParameter(name: "plans in independent_special", value: 270, source: "SEN2 January 2021")
    let (costs, failures) = dataset.unitCosts(for: "Medway", placements: ["independent_special": placements])
    #expect(failures.isEmpty)
    let cost = try #require(costs["independent_special"])
    // Outturn 2020-21 independent top-ups: early years 0 + primary 0 + secondary 0 + special
    // £20,155,821 (cells BY104:CB104), over 270 plans.
    #expect(abs(cost.value - 20_155_821.0 / 270) < 0.01)
    #expect(cost.inputs.count == 4)
    #expect(cost.parameters == [placements])
    #expect(cost.period == .financialYear(RealFinanceData.year(2020)))
    #expect(cost.formula.contains("/ 270.0 plans in independent_special = £74,651 per placement"))

    let budget = dataset.unitCosts(for: "Medway", outturn: false, placements: ["independent_special": placements])
    // Budget 2021-22: £77,807 + £6,120,779 + £1,958,131 + £2,308,260 over 270.
    #expect(abs((budget.costs["independent_special"]?.value ?? 0) - 10_464_977.0 / 270) < 0.01)
  }

  @Test("the tool's own placement counts can stand in for SEN2's")
  func benchmarkingPlacements() throws {
    let dataset = try RealFinanceData.dataset()
    let placements = dataset.benchmarkingPlacements(for: "Medway")
    #expect(placements["mainstream"]?.value == 815)  // 468 mainstream + 347 resourced provision (H104, I104)
    #expect(placements["maintained_special"]?.value == 951)
    let (costs, failures) = dataset.unitCosts(for: "Medway", placements: placements)
    #expect(failures.isEmpty)
    #expect(
      Set(costs.keys) == ["mainstream", "maintained_special", "independent_special", "post16", "alternative_provision"])
    // Maintained special, outturn 2020-21: place funding £1,570,000 (BM104) + top-ups
    // £4,758,661 (BT104) + the place funding the ESFA paid Medway's special academies and free
    // schools directly, deducted from the block (High_needs_deductions row 129: pre-16
    // £4,807,500 Q, post-16 £1,486,667 T, free schools £505,834 Z, £0 AC), over 951 plans.
    let special = try #require(costs["maintained_special"])
    #expect(abs(special.value - (1_570_000.0 + 4_758_661 + 4_807_500 + 1_486_667 + 505_834) / 951) < 0.01)
    #expect(
      special.inputs.map(\.source.location.column) == ["BM", "BT", "Q", "T", "Z", "AC"])
    #expect(special.formula.contains("£4,807,500 hnb_deduction.special_academies.pre16_sen"))
  }

  @Test("a unit cost whose lines are not published is a failure that says which, not a zero")
  func unpublishedLines() throws {
    let placements = DerivationParameter(name: "plans", value: 249, source: "test")
    let (costs, failures) = try RealFinanceData.dataset().unitCosts(
      for: "Northamptonshire", outturn: false, placements: ["independent_special": placements])
    #expect(costs.isEmpty)
    let failure = try #require(failures["independent_special"])
    #expect(failure.reason.contains("formula error #N/A"))
    #expect(failure.reason.contains("high_needs_benchmarking_outturn_2021-22.xlsx:Sheet1:13:"))
  }

  @Test("a unit cost needs a positive placement count")
  func zeroPlacements() throws {
    let placements = DerivationParameter(name: "plans", value: 0, source: "test")
    let (_, failures) = try RealFinanceData.dataset().unitCosts(for: "Medway", placements: ["post16": placements])
    #expect(failures["post16"]?.reason == "post16: placements must be positive, got 0.0")
  }
}
