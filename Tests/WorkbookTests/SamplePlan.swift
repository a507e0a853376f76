import Workbook

/// A small plan with Medway's 2018-19 and 2019-20 outturns (DESIGN.md, seed 10.2–10.4) and two
/// projected years of made-up figures with halves and fractions, so rounding to the pound is tested.
enum SamplePlan {
  static let placements = ["mainstream", "maintained_special", "independent_special"]

  static func years(levers: Bool) -> [DSGPlanYear] {
    [
      DSGPlanYear(
        year: "2018-19", actual: true, census: "January 2019",
        plans: ["mainstream": 700, "maintained_special": 1000, "independent_special": 180],
        placementSpend: ["mainstream": 5_600_000, "maintained_special": 21_000_000, "independent_special": 9_720_000],
        otherSpend: 3_000_000, totalSpend: 39_688_000, highNeedsBlock: 36_000_000, totalFunding: 36_000_000,
        inYearBalance: -3_688_000, openingReserve: 0, reserve: -3_688_000, dsgTotal: 250_000_000,
        reservePercentOfDSG: -1.4752, recoveryPlanRequired: true,
        unmitigated: levers ? UnmitigatedPosition(inYearBalance: -3_688_000, reserve: -3_688_000) : nil),
      DSGPlanYear(
        year: "2019-20", actual: true, census: "January 2020",
        plans: ["mainstream": 757.68, "maintained_special": 1033.2, "independent_special": 183.68],
        placementSpend: [
          "mainstream": 6_061_440.4, "maintained_special": 21_697_200.5, "independent_special": 9_918_720.49,
        ],
        otherSpend: 3_000_000, totalSpend: 44_142_000, highNeedsBlock: 38_226_000, totalFunding: 38_226_000,
        inYearBalance: -5_916_000, openingReserve: -3_688_000, reserve: -9_604_000, dsgTotal: 260_000_000,
        reservePercentOfDSG: -3.693846, recoveryPlanRequired: true,
        unmitigated: levers ? UnmitigatedPosition(inYearBalance: -5_916_000, reserve: -9_604_000) : nil),
      DSGPlanYear(
        year: "2020-21", census: "January 2021",
        plans: ["mainstream": 820.25, "maintained_special": 1120.5, "independent_special": 199.75],
        placementSpend: [
          "mainstream": 6_692_040.5, "maintained_special": 24_003_351.5, "independent_special": 11_002_230.25,
        ],
        otherSpend: 3_060_000, oneOffSavings: 250_000, totalSpend: 44_507_622.25, highNeedsBlock: 41_740_000,
        blockTransfers: 1_000_000, mitigationFunding: 500_000, totalFunding: 43_240_000,
        inYearBalance: -1_267_622.25, openingReserve: -9_604_000, reserve: -10_871_622.25, dsgTotal: 270_000_000,
        reservePercentOfDSG: -4.026527, recoveryPlanRequired: true,
        unmitigated: levers ? UnmitigatedPosition(inYearBalance: -2_517_622.75, reserve: -12_121_622.75) : nil),
      DSGPlanYear(
        year: "2021-22", census: "January 2022",
        plans: ["mainstream": 880, "maintained_special": 1190, "independent_special": 205],
        placementSpend: ["mainstream": 7_323_360, "maintained_special": 25_994_360, "independent_special": 11_515_920],
        otherSpend: 3_121_200, totalSpend: 47_954_840, highNeedsBlock: 45_079_200, blockTransfers: 1_000_000,
        totalFunding: 46_079_200, inYearBalance: -1_875_640, openingReserve: -10_871_622.25,
        reserve: -12_747_262.25, dsgTotal: 280_000_000, reservePercentOfDSG: -4.552594, recoveryPlanRequired: true,
        unmitigated: levers ? UnmitigatedPosition(inYearBalance: -3_375_640.5, reserve: -15_497_263.25) : nil),
    ]
  }

  static let mitigations = [
    Mitigation(
      name: "New special free school", type: "move_placements", start: "2020-21",
      savings: ["2020-21": 750_000.5, "2021-22": 1_000_000.5]),
    Mitigation(
      name: "Schools Block transfer", type: "block_transfer", start: "2020-21", end: "2021-22",
      savings: ["2020-21": 500_000, "2021-22": 500_000]),
  ]

  static func input(levers: Bool = true) -> DSGPlanInput {
    DSGPlanInput(
      authority: "Medway", scenario: "Sample plan for tests", placements: placements, years: years(levers: levers),
      plansByGroup: GroupedPlans(
        dimension: "Age band", groups: ["age_0_to_10", "age_11_to_15", "age_16_to_25"],
        byYear: ["2020-21": ["age_0_to_10": 900, "age_11_to_15": 800, "age_16_to_25": 440.5]]),
      mitigations: levers ? mitigations : [],
      mitigationNote: levers ? "Each lever is credited with what it adds after the levers above it." : nil,
      places: [
        PlacesLine(setting: "maintained_special", year: "2020-21", capacity: 1100, demand: 1120.5),
        PlacesLine(setting: "maintained_special", year: "2021-22", capacity: 1250, demand: 1190),
      ],
      assumptions: [
        Assumption(
          input: "Cost per plan: independent special", value: .pounds(54_000),
          source: "data/unit_costs_published.csv (assumption)"),
        Assumption(input: "Funding growth after 2020-21", value: .percent(0.08), source: "assumption"),
        Assumption(input: "Plans at January 2020 census", value: .count(2500), source: "seed 10.5: \"over 2,500\""),
        Assumption(input: "Demand model", value: .text("auto"), source: "scenario"),
      ])
  }
}
