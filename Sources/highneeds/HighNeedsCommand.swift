import ArgumentParser
import LinearAlgebra

/// The `highneeds` command: forecasts SEND demand and projects High Needs Block costs.
@main
struct HighNeedsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "highneeds",
    abstract: "Forecast SEND demand and project High Needs Block spend, funding and the DSG reserve.",
    subcommands: [
      FitCommand.self,
      RunCommand.self,
      ValidateCommand.self,
      PlacesCommand.self,
      CompareCommand.self,
      DataCommand.self,
      InitCommand.self,
      SolveCommand.self,
      ForecastCommand.self,
      BacktestCommand.self,
      ForecastPanelCommand.self,
    ]
  )

  // `--version` as a flag of the root command rather than `CommandConfiguration(version:)`,
  // whose text is built on every start: finding the BLAS and LAPACK libraries reads
  // /proc/self/maps, 8% of a `data show` process. Now it is read only when asked for.
  @Flag(help: "Show the release and the LAPACK and BLAS libraries it runs on.")
  var version = false

  func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(versionText())
  }
}

/// The release and the numerical libraries this process runs on (`--version`).
func versionText() -> String {
  """
  highneeds \(highneedsVersion)
  LAPACK \(NumericLibraries.lapackVersion) (\(NumericLibraries.lapackLibrary ?? "library not found"))
  BLAS \(NumericLibraries.blasLibrary ?? "library not found")
  """
}

/// The release, in step with the README.
let highneedsVersion = "0.3.0"
