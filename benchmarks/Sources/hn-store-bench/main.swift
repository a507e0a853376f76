// In-process timings of the official-data store: opening it and reading every figure for one
// authority (what `data show` does before it prints), and importing both releases. The
// whole-process times are official-data.sh's; the difference is process start-up.
//
//   hn-store-bench STORE AUTHORITY [REPS]
import Foundation
import OfficialData

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: hn-store-bench STORE AUTHORITY [REPS]\n".utf8))
  exit(64)
}
let reps = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50

func milliseconds(_ start: ContinuousClock.Instant) -> Double {
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

var open: [Double] = []
var read: [Double] = []
var plans = 0
for _ in 0..<reps {
  let start = ContinuousClock.now
  let store = try OfficialStore(path: arguments[1], create: false)
  let authority = try store.authority(matching: arguments[2])
  open.append(milliseconds(start))
  let figures = try AuthorityFigures(store: store, authority: authority)
  read.append(milliseconds(start) - open.last!)
  plans = figures.caseload.values.compactMap(\.value).max() ?? 0
}
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
print(
  String(
    format:
      "in-process: open store and find %@ median %.2f ms; read every figure median %.2f ms (%d reps; largest count %d)",
    arguments[2], median(open), median(read), reps, plans))
