/// The 2025 release (reporting years 2023 on): tables aggregated from the person-level return,
/// one row per authority, year and breakdown (`breakdown_topic`, `breakdown`), placements and
/// needs as columns. `x` marks unavailable. Years before 2023 are carried over from the
/// aggregate collection (totals and placements only).
enum ReleaseSchema2025 {
  /// The members read, in order; a release is this schema when it has the first one.
  static let members = [
    "data/caseload.csv", "data/newplans.csv", "data/ceased_plans.csv", "data/requests.csv",
    "data/sen_needs_all_plans.csv",
  ]

  /// Placement columns of `caseload` and `newplans` that do not overlap: every plan is in
  /// exactly one (the `_total` and `ed_elsewhere` columns are sums of these and are not read;
  /// a test checks these add up to `ehcplans`).
  static let settingColumns = [
    "mainstream_la_maintained", "mainstream_la_maintained_resourced_provision", "mainstream_la_maintained_senunit",
    "mainstream_academy", "mainstream_academy_resourced_provision", "mainstream_academy_senunit",
    "mainstream_free_school", "mainstream_free_school_resourced_provision", "mainstream_free_school_senunit",
    "mainstream_independent", "special_la_maintained", "special_academy_free", "special_independent",
    "special_non_maintained", "ap_pru_academy", "ap_pru_free_school", "ap_pru_la_maintained",
    "general_fe_tertiary_colleges", "specialist_post_16_institutions", "ukrlp_provider", "elective_home_education",
    "other_arrangements_la", "other_arrangements_parents", "online_provider", "w_settings", "other_schools",
    "other_placement_settings", "neet", "neet_ntci", "neet_other", "neet_other_csa", "nm_early_years",
    "placement_unknown", "await_prov_2022", "perm_ex_2022",
  ]

  /// Reasons a plan ceased (`ceased_plans`), as published.
  static let ceasedColumns = [
    "max_age", "needs_met", "he", "employ", "transfer", "no_engage", "moved_outside_eng", "deceased", "not_rec",
    "other",
  ]

  /// Primary-need columns of `sen_needs_all_plans`.
  static let needColumns = [
    "number_asd", "number_hi", "number_mld", "number_msi", "number_oth", "number_pd", "number_pmld", "number_semh",
    "number_slcn", "number_sld", "number_spld", "number_vi", "number_need_unknown",
  ]

  /// Reads one member into `reader`.
  static func read(_ member: String, into reader: inout TableReader) throws {
    switch member {
    case members[0]:
      try readBreakdowns(
        &reader, measure: .caseload, year: .census, total: "ehcplans", columns: settingColumns,
        topics: ["All EHC plans": false, "Child or young persons age": true])
    case members[1]:
      try readBreakdowns(
        &reader, measure: .newPlans, year: .calendar, total: "new_ehc_plans", columns: settingColumns,
        topics: ["New EHC plans": false, "Age when plan started": true])
    case members[2]:
      try readBreakdowns(
        &reader, measure: .ceased, year: .calendar, total: "total_ceased", columns: ceasedColumns,
        topics: ["All ceased EHC plans": false, "Age plan ceased": true])
    case members[3]:
      try readBreakdowns(
        &reader, measure: .requests, year: .calendar, total: "requests_received_in_year",
        columns: ["requests_decided_to_assess", "requests_decided_not_to_assess"],
        topics: ["All requests for EHC needs assessments": false])
    default:
      try readBreakdowns(
        &reader, measure: .caseloadByNeed, year: .census, total: "ehc_plans", columns: needColumns,
        topics: ["All EHC plans": false, "Child or young persons age": true])
    }
  }

  /// Reads the rows whose `breakdown_topic` is in `topics` (true: the `breakdown` is an age
  /// label; false: the row is all ages). The total column is stored with an empty category,
  /// each of `columns` under its own name. Other topics (sex, ethnicity, ...) are not read.
  private static func readBreakdowns(
    _ reader: inout TableReader, measure: Measure, year kind: TableReader.YearKind, total: String,
    columns: [String], topics: [String: Bool]
  ) throws {
    let topic = try reader.column("breakdown_topic")
    let breakdown = try reader.column("breakdown")
    let totalColumn = try reader.column(total)
    let indices = try columns.map { ($0, try reader.column($0)) }
    for row in reader.csv.records {
      try reader.checkWidth(row)
      guard let byAge = topics[try reader.text(row, topic)] else { continue }
      let age = byAge ? try reader.text(row, breakdown) : ""
      let code = try reader.authority(row)
      let year = try reader.year(row, kind)
      try reader.record(row, totalColumn, authority: code, year: year, measure: measure, age: age, category: "")
      for (name, index) in indices {
        try reader.record(row, index, authority: code, year: year, measure: measure, age: age, category: name)
      }
    }
  }
}
