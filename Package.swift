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
    .library(name: "CSVReading", targets: ["CSVReading"]),
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
    // The domain's value types: scenario, years, money, placements, levers, places.
    .target(name: "HighNeeds", dependencies: ["Forecasting"]),
    // Scenario files: YAML to a validated Scenario, extends:, the rewriter. The only Yams user.
    .target(
      name: "ScenarioFiles",
      dependencies: ["HighNeeds", "Forecasting", .product(name: "Yams", package: "Yams")]),
    // Computing only: demand, costs with levers, the ledger, attribution, places, uncertainty,
    // goal seek, comparison. No formatting.
    .target(name: "Projection", dependencies: ["HighNeeds", "Forecasting", "Statistics"]),
    // Every report: one protocol, one render(_:as:), one JSON writer, one CSV quoting, one table.
    .target(name: "Reports", dependencies: ["HighNeeds", "Projection", "Forecasting", "Statistics"]),
    // RFC 4180 records with line numbers; no dependencies (fuzzed in fuzz/).
    .target(name: "CSVReading"),
    .executableTarget(
      name: "highneeds",
      dependencies: [
        "HighNeeds", "ScenarioFiles", "Projection", "Reports", "Forecasting", "Statistics", "LinearAlgebra", "CSVReading",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
    // Helpers every test target shares: approximate equality, the binary runner.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "HighNeedsTests",
      dependencies: ["HighNeeds", "ScenarioFiles", "Projection", "Reports", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CSVReadingTests", dependencies: ["CSVReading"]),
    .testTarget(name: "EndToEndTests", dependencies: ["highneeds", "TestSupport"], resources: [.copy("Fixtures")]),
  ]
)
