/// The 2022 release (reporting year 2022 and before): local-authority aggregate tables, one row
/// per authority, year and age band or establishment type. Counts are `Total_all`, statements
/// and EHC plans together (the series treats them as one). `z` marks not applicable.
enum ReleaseSchema2022 {
  /// The members read, in order; a release is this schema when it has the first one.
  static let members = [
    "data/sen2_estab_caseload.csv", "data/sen2_age_caseload.csv", "data/sen2_age_new_plans.csv", "data/sen2_mi.csv",
  ]

  /// Reads one member into `reader`.
  static func read(_ member: String, into reader: inout TableReader) throws {
    switch member {
    case members[0]: try readEstablishments(&reader)
    case members[1]: try readAges(&reader, measure: .caseload, value: "Total_all", year: .census)
    case members[2]: try readAges(&reader, measure: .newPlans, value: "Total_new_all", year: .calendar)
    default: try readManagementInformation(&reader)
    }
  }

  /// `sen2_estab_caseload`: the `Total`/`Total` row is the headline count (the figure the DfE
  /// publishes, and the one `ehcp_caseload_2010_2025.csv` holds); each establishment type is
  /// stored as `group|type`. The per-group `Total` rows are skipped: groups are formed from the
  /// types when read (`PlacementGroup`).
  private static func readEstablishments(_ reader: inout TableReader) throws {
    let type = try reader.column("establishment_type")
    let group = try reader.column("establishment_group")
    let value = try reader.column("Total_all")
    for row in reader.csv.records {
      try reader.checkWidth(row)
      let typeName = try reader.text(row, type)
      let groupName = try reader.text(row, group)
      let category: String
      if typeName == "Total" {
        guard groupName == "Total" else { continue }
        category = ""
      } else {
        category = "\(groupName)|\(typeName)"
      }
      let code = try reader.authority(row)
      let year = try reader.year(row, .census)
      try reader.record(row, value, authority: code, year: year, measure: .caseload, age: "", category: category)
    }
  }

  /// `sen2_age_caseload` and `sen2_age_new_plans`: one row per age band. The caseload table's
  /// own `Total` differs from the headline in 2016 and 2018 for some authorities, so it is kept
  /// under the age label `Total`; for new plans (no other total) it is the total.
  private static func readAges(
    _ reader: inout TableReader, measure: Measure, value name: String, year kind: TableReader.YearKind
  ) throws {
    let age = try reader.column("characteristic_age")
    let value = try reader.column(name)
    for row in reader.csv.records {
      try reader.checkWidth(row)
      var label = try reader.text(row, age)
      if label == "Total", measure == .newPlans { label = "" }
      let code = try reader.authority(row)
      let year = try reader.year(row, kind)
      try reader.record(row, value, authority: code, year: year, measure: measure, age: label, category: "")
    }
  }

  /// Columns of `sen2_mi` stored as ceased plans (EHC plans and statements discontinued, by reason).
  static let ceasedColumns = [
    "DisleaEHC", "DismetEHC", "DisothEHC", "DisleftEHC", "Dislea", "Dismet", "Disoth", "Disleft",
  ]
  /// Columns of `sen2_mi` stored as requests: initial requests for an EHC assessment, and refusals.
  static let requestColumns = ["InreqEHC", "AssRefusedEHC"]

  /// `sen2_mi`: calendar-year management information; discontinued plans and requests are kept.
  private static func readManagementInformation(_ reader: inout TableReader) throws {
    let ceased = try ceasedColumns.map { ($0, try reader.column($0)) }
    let requests = try requestColumns.map { ($0, try reader.column($0)) }
    for row in reader.csv.records {
      try reader.checkWidth(row)
      let code = try reader.authority(row)
      let year = try reader.year(row, .calendar)
      for (name, index) in ceased {
        try reader.record(row, index, authority: code, year: year, measure: .ceased, age: "", category: name)
      }
      for (name, index) in requests {
        try reader.record(row, index, authority: code, year: year, measure: .requests, age: "", category: name)
      }
    }
  }
}
