// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "highneeds",
  products: [
    .library(name: "HighNeeds", targets: ["HighNeeds"]),
    .library(name: "Forecasting", targets: ["Forecasting"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Workbook", targets: ["Workbook"]),
    .library(name: "SVGCharts", targets: ["SVGCharts"]),
    .executable(name: "highneeds", targets: ["highneeds"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    // Fortran BLAS/LAPACK from Debian's liblapack-dev and libblas-dev.
    .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
    // Regression, distributions and optimisation: no time series.
    .target(name: "Statistics", dependencies: ["LinearAlgebra"]),
    .target(name: "Forecasting", dependencies: ["Statistics", "LinearAlgebra"]),
    .target(
      name: "HighNeeds",
      dependencies: ["Forecasting", "Statistics", .product(name: "Yams", package: "Yams")]),
    .executableTarget(
      name: "highneeds",
      dependencies: [
        "HighNeeds", "Forecasting", "Statistics",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
    // Presentation (issue 15): readable numbers and names, .xlsx workbooks, SVG charts and HTML pages.
    .target(name: "ReportFormatting"),
    // libxlsxwriter from Debian's libxlsxwriter-dev; only Sources/Workbook/XLSXWriter.swift calls it.
    .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
    .target(name: "Workbook", dependencies: ["CXLSXWriter", "ReportFormatting"]),
    .target(name: "SVGCharts", dependencies: ["ReportFormatting"]),
    // The adapter from the ledger to the workbook and the charts (the lead wires it into the reports).
    .target(name: "HighNeedsPresentation", dependencies: ["HighNeeds", "Workbook", "SVGCharts", "ReportFormatting"]),
    .testTarget(name: "ReportFormattingTests", dependencies: ["ReportFormatting"]),
    .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "TestSupport"]),
    .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts", "TestSupport"]),
    .testTarget(
      name: "HighNeedsPresentationTests",
      dependencies: ["HighNeedsPresentation", "HighNeeds", "Workbook", "SVGCharts", "TestSupport"]),
    // Helpers every test target shares: approximate equality, the binary runner.
    .target(name: "TestSupport", dependencies: ["CZlib"], path: "Tests/TestSupport"),
    // zlib (zlib1g-dev) for TestSupport's PNG decoder: the browser tests check screenshots are not blank.
    .systemLibrary(name: "CZlib", path: "Tests/CZlib"),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "HighNeedsTests", dependencies: ["HighNeeds", "Statistics"], resources: [.copy("Fixtures")]),
    .testTarget(name: "EndToEndTests", dependencies: ["highneeds"], resources: [.copy("Fixtures")]),
  ]
)
