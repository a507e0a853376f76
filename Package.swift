// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "highneeds",
  products: [
    .library(name: "HighNeeds", targets: ["HighNeeds"]),
    .library(name: "Forecasting", targets: ["Forecasting"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "OfficialData", targets: ["OfficialData"]),
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
    .target(
      name: "HighNeeds",
      dependencies: ["Forecasting", "Statistics", .product(name: "Yams", package: "Yams")]),
    // DfE SEN2 release ZIPs read into an embedded SQLite store (GRDB, ZIPFoundation).
    .target(
      name: "OfficialData",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "highneeds",
      dependencies: [
        "HighNeeds", "Forecasting", "Statistics", "OfficialData",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
    // Helpers every test target shares: approximate equality, the binary runner.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Statistics", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "HighNeedsTests", dependencies: ["HighNeeds", "Statistics"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "OfficialDataTests", dependencies: ["OfficialData", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "EndToEndTests", dependencies: ["highneeds"], resources: [.copy("Fixtures")]),
  ]
)
