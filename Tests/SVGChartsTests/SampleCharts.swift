import ReportFormatting
import SVGCharts

/// The five chart kinds a report draws, with Medway-shaped figures (the 2018-19 and 2019-20
/// reserves are the seed's; later years are made up for the tests).
enum SampleCharts {
  static let years = (2018...2025).map { YearText.financialYear(startingIn: $0) }
  static let reserve: [Double?] = [
    -3_688_000, -9_604_000, -15_200_000, -21_900_000, -28_700_000, -35_100_000, -41_000_000, -46_300_000,
  ]

  /// Reserve by year, an unmitigated line, 80/95% bands and three Monte Carlo percentiles: 7 series.
  static var reserveFan: LineChart {
    let spread = reserve.enumerated().map { index, _ in index < 2 ? 0.0 : Double(index - 1) * 1_600_000 }
    func band(_ z: Double) -> ([Double?], [Double?]) {
      (
        zip(reserve, spread).map { value, sd in value.map { $0 - z * sd } },
        zip(reserve, spread).map { value, sd in value.map { $0 + z * sd } }
      )
    }
    let (lo95, hi95) = band(1.96)
    let (lo80, hi80) = band(1.2816)
    let percentile = { (z: Double, name: String) in
      ChartSeries(name: name, values: zip(reserve, spread).map { value, sd in value.map { $0 + z * sd } })
    }
    return LineChart(
      text: ChartText(
        title: "DSG reserve at year end", description: "The deficit grows from £3.7m in 2018-19 to £46.3m by 2025-26.",
        valueAxis: "Reserve (£m)"),
      categories: years,
      series: [
        ChartSeries(name: "After mitigations", values: reserve),
        ChartSeries(
          name: "Before mitigations",
          values: [
            -3_688_000, -9_604_000, -17_000_000, -25_600_000, -34_500_000, -43_200_000, -52_000_000, -61_200_000,
          ]),
      ],
      bands: [
        ChartBand(name: "95% range", lower: lo95, upper: hi95), ChartBand(name: "80% range", lower: lo80, upper: hi80),
      ],
      percentiles: [
        percentile(-1.645, "5th percentile"), percentile(0, "Median"), percentile(1.645, "95th percentile"),
      ])
  }

  static let placements = ["mainstream", "resourced_provision", "maintained_special", "independent_special", "post16"]

  /// Plans by placement: 5 layers.
  static var plansByPlacement: StackedAreaChart {
    let base: [Double] = [760, 90, 1_030, 185, 310]
    return StackedAreaChart(
      text: ChartText(title: "Plans by placement", description: "Plans grow in every placement.", valueAxis: "Plans"),
      categories: years,
      series: placements.enumerated().map { index, key in
        ChartSeries(
          name: DisplayName.of(key), values: years.indices.map { base[index] * (1 + 0.06 * Double($0)) })
      })
  }

  /// Places against demand by setting: 2 bar series.
  static var places: BarChart {
    BarChart(
      text: ChartText(
        title: "Special school places in 2025-26", description: "Demand exceeds places in maintained special schools.",
        valueAxis: "Places"),
      categories: ["maintained_special", "independent_special", "resourced_provision"].map(DisplayName.of),
      series: [
        ChartSeries(name: "Places available", values: [1_250, 300, 160]),
        ChartSeries(name: "Demand", values: [1_402.5, 260, 171]),
      ])
  }

  /// Unmitigated to mitigated deficit through three levers: 5 series.
  static var mitigations: WaterfallChart {
    WaterfallChart(
      text: ChartText(
        title: "Deficit at March 2026, before and after mitigations",
        description: "Three levers reduce the deficit from £61.2m to £46.3m.", valueAxis: "Reserve (£m)"),
      startLabel: "Before mitigations", start: -61_200_000,
      steps: [
        WaterfallStep(name: "New special free school", value: 6_400_000),
        WaterfallStep(name: "Schools Block transfer", value: 9_000_000),
        WaterfallStep(name: "Banding review", value: -500_000),
      ],
      endLabel: "After mitigations")
  }

  /// Options compared: deficit bars and an in-year line: 2 series.
  static var options: BarChart {
    BarChart(
      text: ChartText(
        title: "Options compared: deficit at March 2026", description: "Option B leaves the smallest deficit.",
        valueAxis: "£m"),
      categories: ["Baseline", "Option A: block transfer", "Option B: new places"],
      series: [ChartSeries(name: "Reserve at March 2026", values: [-46_300_000, -37_300_000, -31_000_000])],
      lines: [ChartSeries(name: "In-year balance 2025-26", values: [-5_300_000, -3_800_000, -2_100_000])],
      format: .poundsMillions)
  }

  /// Each chart's SVG and the number of series it must draw.
  static var all: [(name: String, svg: String, series: Int)] {
    [
      ("reserve", reserveFan.svg(), 7), ("plans", plansByPlacement.svg(), 5), ("places", places.svg(), 2),
      ("mitigations", mitigations.svg(), 5), ("options", options.svg(), 2),
    ]
  }
}
