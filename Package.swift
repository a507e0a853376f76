// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "highneeds",
  products: [
    .library(name: "HighNeeds", targets: ["HighNeeds"]),
    .library(name: "ScenarioFiles", targets: ["ScenarioFiles"]),
    .library(name: "Projection", targets: ["Projection"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "Forecasting", targets: ["Forecasting"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
    .library(name: "FinanceData", targets: ["FinanceData"]),
    .library(name: "Workbook", targets: ["Workbook"]),
    .library(name: "SVGCharts", targets: ["SVGCharts"]),
    .library(name: "OfficialData", targets: ["OfficialData"]),
    .library(name: "CSVReading", targets: ["CSVReading"]),
    .executable(name: "highneeds", targets: ["highneeds"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
  ],
  targets: [
    // Fortran BLAS/LAPACK from Debian's liblapack-dev and libblas-dev.
    .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
    // Regression, distributions and optimisation: no time series.
    .target(name: "Statistics", dependencies: ["LinearAlgebra"]),
    .target(name: "Forecasting", dependencies: ["Statistics", "LinearAlgebra"]),
    // The domain's value types: scenario, years, money, placements, levers, places.
    .target(name: "HighNeeds", dependencies: ["Forecasting"]),
    // libyaml's event parser (Debian's libyaml-dev): ScenarioFiles counts alias expansion with it
    // before Yams composes a file.
    .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML"),
    // Scenario files: YAML to a validated Scenario, extends:, the rewriter. The only Yams user.
    .target(
      name: "ScenarioFiles",
      dependencies: ["HighNeeds", "Forecasting", "CLibYAML", .product(name: "Yams", package: "Yams")]),
    // Computing only: demand, costs with levers, the ledger, attribution, places, uncertainty,
    // goal seek, comparison. No formatting.
    .target(name: "Projection", dependencies: ["HighNeeds", "Forecasting", "Statistics"]),
    // Every report: one protocol, one render(_:as:), one JSON writer, one CSV quoting, one table.
    .target(
      name: "Reports",
      dependencies: [
        "HighNeeds", "Projection", "Forecasting", "Statistics", "Workbook", "SVGCharts", "ReportFormatting",
        "OfficialData", "CohortData", "FinanceData",
      ]),
    // ODS and XLSX workbooks as rows of located cells (ZIPFoundation + Foundation's XMLParser).
    .target(name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    // DfE finance files (DSG allocations, s251 benchmarking, DSG balance) as typed, located records.
    .target(name: "FinanceData", dependencies: ["Spreadsheet", "HighNeeds"]),
    // DfE SEN2 release ZIPs read into an embedded SQLite store (GRDB, ZIPFoundation).
    .target(
      name: "OfficialData",
      dependencies: [
        "FinanceData", "HighNeeds",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // The cohort model's inputs read from the official-data store (issue 13).
    .target(name: "CohortData", dependencies: ["Forecasting", "OfficialData"]),
    .testTarget(name: "CohortDataTests", dependencies: ["CohortData", "Forecasting", "OfficialData", "TestSupport"]),
    // RFC 4180 records with line numbers; no dependencies (fuzzed in fuzz/).
    .target(name: "CSVReading"),
    .executableTarget(
      name: "highneeds",
      dependencies: [
        "HighNeeds", "ScenarioFiles", "Projection", "Reports", "Forecasting", "Statistics", "LinearAlgebra", "CSVReading",
        "OfficialData", "CohortData", "FinanceData",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
    // Presentation (issue 15): readable numbers and names, .xlsx workbooks, SVG charts and HTML pages.
    .target(name: "ReportFormatting"),
    // libxlsxwriter from Debian's libxlsxwriter-dev; only Sources/Workbook/XLSXWriter.swift calls it.
    .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
    .target(name: "Workbook", dependencies: ["CXLSXWriter", "ReportFormatting"]),
    .target(name: "SVGCharts", dependencies: ["ReportFormatting"]),
    .testTarget(name: "ReportFormattingTests", dependencies: ["ReportFormatting"]),
    .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "TestSupport"]),
    .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts", "TestSupport"]),
    .testTarget(
      name: "PresentationTests",
      dependencies: [
        "Reports", "HighNeeds", "Projection", "ScenarioFiles", "Workbook", "SVGCharts", "ReportFormatting", "TestSupport",
      ]),
    // Helpers every test target shares: approximate equality, the binary runner.
    .target(name: "TestSupport", dependencies: ["CTestZlib"], path: "Tests/TestSupport"),
    // zlib (zlib1g-dev) for TestSupport's PNG decoder: the browser tests check screenshots are not blank.
    .systemLibrary(name: "CTestZlib", path: "Tests/CTestZlib"),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "HighNeedsTests",
      dependencies: ["HighNeeds", "ScenarioFiles", "Projection", "Reports", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    // Small ODS and XLSX files built in memory for the reader's and parsers' tests.
    .target(
      name: "SpreadsheetFixtures", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/SpreadsheetFixtures"),
    .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "SpreadsheetFixtures", "TestSupport"]),
    .testTarget(
      name: "FinanceDataTests",
      dependencies: ["FinanceData", "Spreadsheet", "SpreadsheetFixtures", "HighNeeds", "TestSupport"]),
    .testTarget(
      name: "OfficialDataTests", dependencies: ["OfficialData", "FinanceData", "HighNeeds", "SpreadsheetFixtures", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CSVReadingTests", dependencies: ["CSVReading"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["highneeds", "TestSupport", "Spreadsheet", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Fixtures")]),
  ]
)
