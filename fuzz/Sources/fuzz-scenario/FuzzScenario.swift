import HighNeeds
import ScenarioFiles
import FuzzSupport

/// One input: the bytes as a scenario file (invalid UTF-8 repaired, as `String(decoding:)`
/// does). Loading must give a Scenario or throw ScenarioError with at least one issue, each
/// located in a file of the chain; any other error, a trap, a leak or a hang is a defect.
/// `extends:` reads a shipped scenario by name, else the input again (chains, cycles and
/// the depth limit are reached).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    _ = try ScenarioLoader.load(contentsOf: text, file: "fuzz.yaml", readFile: baseReader(fallback: text))
  } catch let error as ScenarioError {
    guard !error.issues.isEmpty else { fatalError("ScenarioError with no issues") }
    for issue in error.issues where issue.location.line < 1 || issue.location.column < 1 {
      fatalError("issue at an impossible location \(issue.location): \(issue)")
    }
  } catch {
    fatalError("load threw \(type(of: error)), not ScenarioError: \(error)")
  }
  return 0
}
