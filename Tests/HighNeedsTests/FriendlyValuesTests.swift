import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

@Suite("Friendly values: money, percentages, years, counts")
struct FriendlyValuesTests {
  // Money is compared exactly: every accepted form is a short decimal times a power of ten,
  // and the products below are exactly representable or round to the same double.
  @Test(
    "money forms a finance officer writes",
    arguments: [
      ("£38.226m", 38_226_000.0), ("£41,740k", 41_740_000), ("38226000", 38_226_000), ("£8,000", 8000),
      ("-£3.688m", -3_688_000), ("£-3.688m", -3_688_000), ("£1.2bn", 1_200_000_000), ("0", 0),
      ("£ 3m", 3_000_000), ("3M", 3_000_000), ("£0.5m", 500_000), ("+£2k", 2000),
    ])
  func money(text: String, pounds: Double) throws {
    #expect(abs(try FriendlyValues.money(text) - pounds) < 1e-6)
  }

  @Test(
    "money that is refused, never trapped on",
    arguments: [
      "", "£", "m", "abc", "£38.2.26m", "£80,00", "1,0000", ".nan", "nan", ".inf", "-.inf", "inf", "1e9", "£3m5",
      "99999999999999999999999999999", "£2000bn", "--3", "£1,000,00k", String(repeating: "9", count: 400),
    ])
  func badMoney(text: String) {
    #expect(throws: ValueProblem.self) { try FriendlyValues.money(text) }
  }

  @Test(
    "percentages and fractions",
    arguments: [
      ("8%", 0.08), ("0.08", 0.08), ("-1.5%", -0.015), ("+0.5%", 0.005), ("100%", 1.0), ("0", 0.0), ("1", 1.0),
    ])
  func shares(text: String, value: Double) throws {
    // 1e-12: percent forms divide by 100, which is not exact in binary.
    #expect(abs(try FriendlyValues.share(text) - value) < 1e-12)
  }

  @Test(
    "a bare number above 1 is ambiguous, and words are refused",
    arguments: ["8", "2", "-3", "eight", "8 %%", ".nan", "%"])
  func badShares(text: String) {
    #expect(throws: ValueProblem.self) { try FriendlyValues.share(text) }
  }

  @Test(
    "financial years in every accepted form", arguments: ["2019-20", "2019/20", "2019-2020", "2019/2020", " 2019-20 "])
  func financialYears(text: String) throws {
    #expect(try FriendlyValues.financialYear(text) == FinancialYear(startYear: 2019))
  }

  @Test(
    "financial years that are refused",
    arguments: ["2019-21", "2019", "19-20", "2019-2021", "-2019-20", "2099/00x", "3019-20", "2019–20", "", "twenty"])
  func badFinancialYears(text: String) {
    #expect(throws: ValueProblem.self) { try FriendlyValues.financialYear(text) }
  }

  @Test("the century rolls over: 1999-00 and 2099-00")
  func centuryRollover() throws {
    #expect(try FriendlyValues.financialYear("1999-00") == FinancialYear(startYear: 1999))
    #expect(FinancialYear(startYear: 2099).description == "2099-00")
    #expect(FinancialYear(startYear: 2009).description == "2009-10")
  }

  @Test("counts: whole, commas allowed, never negative or fractional")
  func counts() throws {
    #expect(try FriendlyValues.count("2,500") == 2500)
    #expect(try FriendlyValues.count("0") == 0)
    for bad in ["-1", "2500.5", "lots", "1e3", "20000000", ".nan"] {
      #expect(throws: ValueProblem.self) { try FriendlyValues.count(bad) }
    }
  }
}

@Suite("Census and financial years")
struct YearTests {
  @Test("the January 2020 census falls in financial year 2019-20, and back")
  func censusFallsInFinancialYear() {
    #expect(CensusYear(2020).financialYear == FinancialYear(startYear: 2019))
    #expect(FinancialYear(startYear: 2019).census == CensusYear(2020))
    #expect(FinancialYear(startYear: 2019).description == "2019-20")
  }

  @Test("financial years stride and order")
  func stride() {
    let years = Array(FinancialYear(startYear: 2018)...FinancialYear(startYear: 2020)).map(\.description)
    #expect(years == ["2018-19", "2019-20", "2020-21"])
    #expect(FinancialYear(startYear: 2018).distance(to: FinancialYear(startYear: 2025)) == 7)
  }
}

@Suite("Did you mean")
struct SuggestionTests {
  @Test("close misspellings are suggested, unrelated words are not")
  func suggestions() {
    let keys = ["scenario", "authority", "years", "demand", "costs", "funding", "reserve", "calibrate"]
    #expect(Suggestion.closest(to: "fundng", among: keys) == "funding")
    #expect(Suggestion.closest(to: "Authority", among: keys) == "authority")
    #expect(Suggestion.closest(to: "calibration", among: keys) == "calibrate")
    #expect(Suggestion.closest(to: "xyzzy", among: keys) == nil)
    #expect(Suggestion.distance("kitten", "sitting") == 3)
    #expect(Suggestion.distance("", "abc") == 3)
  }
}

@Suite("Money")
struct MoneyTests {
  @Test("whole pounds round half away from zero and clamp absurd values")
  func wholePounds() {
    #expect(Pounds(2.5).wholePounds == 3)
    #expect(Pounds(-2.5).wholePounds == -3)
    #expect(Pounds(.infinity).wholePounds == 9_007_199_254_740_992)
    // NaN cannot come from a validated scenario; it must still not trap.
    #expect(abs(Pounds(.nan).wholePounds) <= 9_007_199_254_740_992)
    #expect(Pounds(38_226_000).description == "£38.226m")
    #expect(Pounds(-9_604_000).description == "-£9.604m")
  }
}
