import Foundation
import HighNeeds
import ScenarioFiles
import FuzzSupport
import FuzzSupport

/// One input: the bytes as a scenario file. When it loads, every lever with a size written
/// in this file is rewritten (ScenarioRewriter, as `solve --output` does) to its own size
/// and to half of it; the rewritten text must load, the lever must read back the size that
/// was written (to the rewriter's precision) and everything else must be unchanged
/// (locations after the size on its line move with the size's width). Anything else traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoundTrip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let original = try? ScenarioLoader.load(contentsOf: text, file: file, readFile: baseReader(fallback: text)) else {
    trace("does not load")
    return 0
  }
  var rewrites = 0
  defer { trace("\(rewrites) rewrites of \(original.levers.count) levers") }
  for (index, lever) in original.levers.enumerated() {
    guard let value = lever.size, let at = lever.sizeLocation, at.file == file else { continue }
    for wanted in [value, value / 2] {
      let written = ScenarioRewriter.text(forSize: wanted, of: lever)
      guard let rewritten = ScenarioRewriter.replacingScalar(in: text, line: at.line, column: at.column, with: written)
      else { fatalError("lever \(lever.name): its size's location \(at) is not in the text") }
      let reloaded: Scenario
      do {
        reloaded = try ScenarioLoader.load(contentsOf: rewritten, file: file, readFile: baseReader(fallback: rewritten))
      } catch {
        fatalError("lever \(lever.name) rewritten to \(written) no longer loads: \(error)\n\(rewritten)")
      }
      compare(original, reloaded, lever: index, wanted: wanted, written: written, at: at)
      rewrites += 1
    }
  }
  return 0
}

let file = "fuzz.yaml"

/// With FUZZ_TRACE set, says what an input reached (to check that seeds reach the rewrite).
let tracing = ProcessInfo.processInfo.environment["FUZZ_TRACE"] != nil
func trace(_ message: @autoclosure () -> String) {
  if tracing { FileHandle.standardError.write(Data("roundtrip: \(message())\n".utf8)) }
}

/// Traps unless `reloaded` is `original` with lever `index`'s size `wanted` (within the
/// rewriter's rounding: half a unit in the last decimal it writes, plus 1e-12 relative for
/// the conversions) and locations on the size's line after it shifted.
func compare(_ original: Scenario, _ reloaded: Scenario, lever index: Int, wanted: Double, written: String, at: SourceLocation) {
  guard reloaded.levers.count == original.levers.count, let got = reloaded.levers[index].size else {
    fatalError("the levers changed after writing \(written) at \(at)")
  }
  let lever = original.levers[index]
  let unit: Double
  switch lever.kind {
  case .movePlacements: unit = 0.5e-4
  case .demandGrowth, .newPlans, .newPlacementShare, .ceasingRate: unit = 0.5e-8
  case .unitCost(_, _, let isPercent): unit = isPercent ? 0.5e-8 : 0.005
  case .blockTransfer(let transfer): unit = transfer.isPercent ? 0.5e-8 : 0.005
  case .extraFunding, .oneOffSaving: unit = 0.005
  }
  guard abs(got - wanted) <= unit + 1e-12 * abs(wanted) else {
    fatalError("lever \(lever.name): wrote \(written) for \(wanted), read back \(got)")
  }
  var expected = original
  expected.levers[index] = lever.withSize(got)
  let before = describe(expected), after = describe(reloaded)
  guard before == after else { fatalError("rewriting \(lever.name) changed more than its size:\n\(before)\n---\n\(after)") }
  for (key, old) in original.locations {
    guard let new = reloaded.locations[key], new.line == old.line,
      new.column == old.column || (old.line == at.line && old.column > at.column)
    else { fatalError("location of \(key) moved from \(old) to \(String(describing: reloaded.locations[key]))") }
  }
  guard Set(original.locations.keys) == Set(reloaded.locations.keys) else { fatalError("located fields changed") }
}

/// The scenario as text, without locations (compared apart, above), dictionaries and sets
/// in sorted order (their iteration order differs between equal values).
func describe(_ scenario: Scenario) -> String {
  var copy = scenario
  copy.locations = [:]
  for i in copy.levers.indices { copy.levers[i].sizeLocation = nil }
  return canonical(copy)
}

/// `value` written out through its mirror, recursively, unordered collections sorted.
func canonical(_ value: Any) -> String {
  let mirror = Mirror(reflecting: value)
  if mirror.children.isEmpty { return String(reflecting: value) }
  var parts = mirror.children.map { child in "\(child.label ?? "_"): \(canonical(child.value))" }
  if mirror.displayStyle == .dictionary || mirror.displayStyle == .set { parts.sort() }
  return "\(mirror.subjectType)(\(parts.joined(separator: ", ")))"
}
