import ArgumentParser

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
    ]
  )
}
