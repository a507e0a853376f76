import ArgumentParser
import Foundation
import Reports
import OfficialData

/// `highneeds data`: the official-data store (DfE SEN2 releases).
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Import DfE SEN2 releases and finance files into the official-data store; read them by authority.",
    discussion: """
      The store is an SQLite file: --store PATH, else $HIGHNEEDS_STORE, else \
      ~/.local/share/highneeds/highneeds.sqlite. It is created by the first import.
      """,
    subcommands: [DataImportCommand.self, DataAuthoritiesCommand.self, DataShowCommand.self])
}

/// `highneeds data import FILE.zip...`.
struct DataImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import DfE 'Education, health and care plans' release ZIPs as published.",
    discussion: """
      Reads the 2022 layout (sen2_estab_caseload, sen2_age_caseload, sen2_age_new_plans, \
      sen2_mi) and the layout from 2023 (caseload, newplans, ceased_plans, requests, \
      sen_needs_all_plans). All ZIPs are checked before anything is written and stored in one \
      transaction: a truncated ZIP, a file that is not a release, a missing column or a \
      duplicated row changes nothing and exits 65 naming ZIP:member:line and the column. \
      Importing a release already stored is a no-op that says so. Where two releases hold the \
      same years, the newer is read; the overlap is reported.

      DfE finance files (.ods, .xlsx: the DSG allocation tables, DSG totals by year, the high \
      needs benchmarking extract, the DSG balance %) are read as published and stored in the \
      same transaction, each value with its file, sheet, row, column and edition; blank and \
      suppressed cells are stored as missing, never 0. A bad cell exits 65 naming \
      file:sheet:row and the column. Where editions give the same year the newer is read. The \
      import checks England's High Needs Block against the sum of its authorities.

      Example: highneeds data import education-health-and-care-plans_2022.zip \
      education-health-and-care-plans_2025.zip dedicated-schools-grant_2024_07_20.ods
      """)

  @Argument(help: "Release ZIP files and DfE finance files (.ods, .xlsx).")
  var files: [String]

  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one release ZIP or finance file") }
  }

  func run() throws {
    try runReportingFailures {
      // Check the ZIPs can be read before the store is created, so a typo leaves no empty store.
      for file in files {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
          FileManager.default.isReadableFile(atPath: file)
        else {
          throw Failure.inputUnreadable("cannot read \(file): no such file, a folder, or not readable")
        }
      }
      let (opened, imported) = try withStoreImportLock(store.resolvedPath) { () throws -> (OfficialStore, StoreImport) in
        let existed = FileManager.default.fileExists(atPath: store.resolvedPath)
        let opened = try store.open(create: true)
        do {
          return (opened, try opened.importFiles(files))
        } catch let error as OfficialDataError {
          // A first import that fails leaves no store behind (one that existed is unchanged).
          if !existed { try? FileManager.default.removeItem(atPath: store.resolvedPath) }
          throw failure(error, writing: true)
        }
      }
      var lines: [String] = []
      for outcome in imported.releases {
        let name = URL(fileURLWithPath: outcome.archive).lastPathComponent
        switch outcome.action {
        case .alreadyPresent:
          lines.append("\(name): the \(outcome.reportingYear) release is already in the store; nothing changed")
        case .imported, .replaced:
          let verb = outcome.action == .replaced ? "replaced the earlier import of" : "imported"
          lines.append(
            "\(name): \(verb) the \(outcome.reportingYear) release (\(outcome.schema)): "
              + "\(outcome.values) values for \(outcome.authorities) areas")
        }
        for overlap in outcome.overlaps {
          let years = "\(overlap.years.lowerBound)-\(overlap.years.upperBound)"
          lines.append(
            "  \(overlap.measure) \(years) is also in the \(overlap.superseded) release: the \(overlap.winner) "
              + "release's figures are read (\(overlap.differing) of \(overlap.compared) totals differ)")
        }
      }
      lines += financeLines(imported)
      lines.append("store: \(opened.path)")
      try writeStandardOutput(lines.joined(separator: "\n") + "\n")
    }
  }
}

/// `highneeds data authorities`.
struct DataAuthoritiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "authorities",
    abstract: "List England, the regions and every local authority in the store, with codes and years.")

  @Option(help: "Output format: table, csv, json, markdown or html.")
  var format: ReportFormat = .table

  @OptionGroup var store: StoreOptions

  func validate() throws { try requireFormat(format, for: AuthorityListReport.self) }

  func run() throws {
    try runReportingFailures {
      let opened = try store.open(create: false)
      let all: [Authority]
      do {
        all = try opened.authorities()
      } catch let error as OfficialDataError {
        throw failure(error, writing: false)
      }
      guard !all.isEmpty else { throw failure(.emptyStore(path: opened.path), writing: false) }
      try emit(AuthorityListReport(all), as: format, to: nil)
    }
  }
}

/// `highneeds data show --authority NAME`.
struct DataShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one authority's official figures: plans by census year, placement, age and need; flows.",
    discussion: """
      Every figure names its release and file; where releases overlap the newer is shown and \
      the older it supersedes is named. Unpublished values (x, z, ...) are shown as such, \
      never as 0. CSV is long: one row per measure, year and breakdown.
      """)

  @Option(help: "Output format: table, csv, json, markdown or html.")
  var format: ReportFormat = .table

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @OptionGroup var official: AuthorityOptions

  func validate() throws {
    try requireFormat(format, for: AuthorityFiguresReport.self)
    guard official.authority != nil else { throw ValidationError("give --authority NAME") }
  }

  func run() throws {
    try runReportingFailures {
      guard let (store, authority) = try official.resolve() else { return }
      let figures: AuthorityFigures
      let money: AuthorityMoney
      do {
        figures = try AuthorityFigures(store: store, authority: authority)
        money = try store.money(of: authority, placements: figures.placements)
      } catch let error as OfficialDataError {
        throw failure(error, writing: false)
      }
      try emit(AuthorityFiguresReport(figures, money: money), as: format, to: output, protecting: [store.path])
    }
  }
}
