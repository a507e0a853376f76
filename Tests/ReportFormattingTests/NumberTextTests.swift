import ReportFormatting
import Testing

/// Money, counts and percentages as reports print them; every expected string is written out by hand.
@Suite struct NumberTextTests {
  @Test(arguments: [
    (54_000.0, "£54,000"), (0, "£0"), (999.5, "£1,000"), (-5_916_000, "-£5,916,000"), (38_226_000.49, "£38,226,000"),
    (-0.4, "£0"), (1_234_567_890, "£1,234,567,890"), (12.5, "£13"), (-12.5, "-£13"),
  ])
  func pounds(value: Double, text: String) {
    #expect(NumberText.pounds(value) == text)
  }

  @Test func poundsMillions() {
    #expect(NumberText.poundsMillions(38_226_000) == "£38.226m")
    #expect(NumberText.poundsMillions(-9_604_000) == "-£9.604m")
    #expect(NumberText.poundsMillions(1_234_500_000, places: 1) == "£1,234.5m")
    #expect(NumberText.poundsMillions(-20_000_000, places: 0) == "-£20m")
    #expect(NumberText.poundsMillions(-200, places: 1) == "£0.0m", "rounds to zero: no minus sign")
  }

  @Test func countsAndPercentages() {
    #expect(NumberText.count(2_296) == "2,296")
    #expect(NumberText.count(2_296.45, places: 1) == "2,296.5")
    #expect(NumberText.count(-1_402.5) == "-1,403")
    #expect(NumberText.count(-0.2) == "0")
    #expect(NumberText.percent(0.0372) == "3.7%")
    #expect(NumberText.percent(0.08, places: 0) == "8%")
    #expect(NumberText.percent(-0.036938, places: 2) == "-3.69%")
    #expect(NumberText.percentPoints(-3.693846) == "-3.7%")
  }

  @Test func notFiniteIsNotAvailable() {
    #expect(NumberText.pounds(.nan) == "n/a")
    #expect(NumberText.count(.infinity) == "n/a")
    #expect(NumberText.percent(-.infinity) == "n/a")
    #expect(NumberText.poundsMillions(.nan) == "n/a")
  }

  @Test func hugeValuesDoNotTrap() {
    #expect(NumberText.pounds(1e300).hasPrefix("£"))
    #expect(NumberText.count(-1e20).hasPrefix("-"))
  }

  @Test func financialYears() {
    #expect(YearText.financialYear(startingIn: 2024) == "2024-25")
    #expect(YearText.financialYear(startingIn: 1999) == "1999-00")
    #expect(YearText.financialYear(startingIn: 2008) == "2008-09")
  }

  @Test(arguments: [
    ("independent_special", "Independent special"), ("maintained_special", "Maintained special"),
    ("alternative_provision", "Alternative provision"), ("post16", "Post-16"), ("semh", "SEMH"), ("spld", "SpLD"),
    ("asd_resourced_provision", "ASD resourced provision"), ("mainstream", "Mainstream"),
    ("move_placements", "Move placements"), ("Already Readable", "Already Readable"), ("", ""),
    ("further_education_fe", "Further education FE"), ("__odd__key", "Odd key"),
  ])
  func displayNames(key: String, name: String) {
    #expect(DisplayName.of(key) == name)
  }
}
