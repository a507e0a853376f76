import Foundation
import OfficialData

/// The shared data folder beside the repository (`../shared/data/sen2`). Tests read the real
/// releases from there and fail (they do not skip) when it is missing.
let sen2Folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/sen2")

/// The two published release ZIPs.
let release2022 = sen2Folder.appendingPathComponent("releases/education-health-and-care-plans_2022.zip").path
let release2025 = sen2Folder.appendingPathComponent("releases/education-health-and-care-plans_2025.zip").path

/// One temporary folder for every store this test process makes, removed when it exits.
let scratchRoot: String = {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("highneeds-stores-\(UUID().uuidString)")
  atexit { try? FileManager.default.removeItem(atPath: scratchRoot) }
  return folder.path
}()

/// A fresh store path in a new folder (the store creates the folder).
func scratchStorePath() -> String {
  URL(fileURLWithPath: scratchRoot).appendingPathComponent(UUID().uuidString).appendingPathComponent("highneeds.sqlite")
    .path
}

/// One store with both real releases imported, shared by the tests that only read it
/// (importing takes a few seconds; every test that writes makes its own store).
enum RealStore {
  /// The store, or the error importing threw.
  static let shared: Result<OfficialStore, Error> = Result {
    let store = try OfficialStore(path: scratchStorePath())
    _ = try store.importReleases([release2022, release2025])
    return store
  }
}

/// Fixtures committed with the tests (small ZIPs cut from the real releases).
func fixture(_ name: String) -> String {
  Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
}
