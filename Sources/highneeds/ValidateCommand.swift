import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import Foundation
import HighNeeds

/// `highneeds validate FILE...`: checks scenario files without writing a report.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check one or more scenario files and list every problem with file:line:column.",
    discussion: """
      Prints 'FILE: ok' for each valid file. Problems go to standard error. Exit 0 when all are \
      valid, 65 when any is invalid, 66 when none is invalid but one cannot be read.
      """)

  @Argument(help: "Scenario files (YAML).")
  var files: [String]

  @OptionGroup(title: "With demand.model: cohort (fitted from the official-data store)") var store: StoreOptions

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
  }

  func run() throws {
    var worst: Failure.Kind?
    for file in files {
      do {
        let ledger = try buildLedger(try loadScenario(file, store: store))
        let years = ledger.scenario.years
        print("\(file): ok (\(years.lowerBound) to \(years.upperBound), \(ledger.years.count) years)")
      } catch let failure as Failure {
        FileHandle.standardError.write(Data("\(failure.message)\n".utf8))
        if worst != .dataInvalid { worst = failure.kind }
      }
    }
    if let worst { throw ExitCode(worst.rawValue) }
  }
}
