import Foundation
import Testing
import TestSupport

/// The bad-scenario catalogue kept with the library tests.
let badCatalogue = repositoryRoot.appendingPathComponent("Tests/HighNeedsTests/Fixtures/bad")

func catalogueFiles() -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: badCatalogue.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted()
}

@Suite("highneeds validate")
struct ValidateEndToEndTests {
  @Test("every shipped scenario is valid")
  func shippedScenarios() throws {
    let folder = repositoryRoot.appendingPathComponent("scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      .sorted()
    #expect(files.count >= 3)
    // The cohort scenarios fit Medway's flows from a store: the small release fixtures'.
    let (storeFolder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: storeFolder) }
    let run = runHighneeds(["validate"] + files.map { folder.appendingPathComponent($0).path } + ["--store", store])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.split(separator: "\n").count == files.count)
    #expect(run.stdout.contains("medway-2020.yaml: ok"))
    #expect(run.stdout.contains("medway-sen2.yaml: ok"))
    #expect(run.stdout.contains("medway-cohort.yaml: ok"))
  }

  @Test(
    "every bad scenario exits 65 from validate and from run, never crashes, and writes nothing",
    arguments: catalogueFiles())
  func catalogue(name: String) throws {
    let path = badCatalogue.appendingPathComponent(name).path
    let validate = runHighneedsDetailed(["validate", path])
    #expect(!validate.crashed)
    #expect(validate.status == 65, "\(name): \(validate.stderr)")
    #expect(validate.stderr.contains("\(name):"), "\(name): message lacks file:line:column: \(validate.stderr)")
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out.json").path
    let run = runHighneedsDetailed(["run", path, "--format", "json", "--output", output])
    #expect(!run.crashed)
    #expect(run.status == 65)
    #expect(run.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("the example in scenarios/README.md is a valid scenario that runs")
  func readmeExample() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("scenarios/README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "## Sections\n\n```yaml\n"))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let example = folder.appendingPathComponent("example.yaml")
    try String(readme[start.upperBound..<end.lowerBound]).write(to: example, atomically: true, encoding: .utf8)
    let run = runHighneeds(["run", example.path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test("the catalogue is there to test (at least 30 files)")
  func catalogueFound() {
    #expect(catalogueFiles().count >= 30)
  }

  @Test("validate reports good and bad files together and exits 65")
  func mixed() {
    let bad = badCatalogue.appendingPathComponent("unknown-top-key.yaml").path
    let run = runHighneeds(["validate", medwayPath, bad])
    #expect(run.status == 65)
    #expect(run.stdout.contains("medway-2020.yaml: ok"))
    #expect(run.stderr.contains("unknown-top-key.yaml:22:1: fundng: unknown key 'fundng' (did you mean 'funding'?)"))
  }
}
