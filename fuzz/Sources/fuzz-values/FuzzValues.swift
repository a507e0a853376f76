import HighNeeds

/// One input: the bytes as one scalar of a scenario, read by every FriendlyValues parser.
/// Each must return a value inside its documented limits or throw ValueProblem; a trap, a
/// leak, a hang or a value outside the limits is a defect.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let money = try? FriendlyValues.money(text) {
    check(money.isFinite && abs(money) <= FriendlyValues.moneyLimit, "money", text, money)
  }
  if let share = try? FriendlyValues.share(text) {
    check(share.isFinite && abs(share) <= 100, "share", text, share)
  }
  if let count = try? FriendlyValues.count(text) {
    check(count >= 0 && count <= FriendlyValues.countLimit && count == count.rounded(), "count", text, count)
  }
  if let number = FriendlyValues.plainNumber(text) {
    check(number.isFinite && number >= 0, "plainNumber", text, number)
  }
  if let year = try? FriendlyValues.financialYear(text) {
    check(FinancialYear(parsing: year.description) == year, "financialYear (reparsing its description)", text, year)
  }
  if let census = try? FriendlyValues.censusYear(text) {
    check(FinancialYear.plausibleStartYears.contains(census.year), "censusYear", text, census)
  }
  return 0
}

/// Traps (a crash libFuzzer keeps) when an invariant does not hold.
func check(_ holds: Bool, _ parser: String, _ text: String, _ value: Any) {
  if !holds { fatalError("\(parser)(\(String(reflecting: text))) gave \(value), outside its limits") }
}
