import GRDB

/// The store's tables, created and upgraded by GRDB migrations: a new kind of data (the DSG
/// allocation tables, say) is a new migration appended here, never an edit of an old one.
///
/// - `release`: one row per imported release (reporting year, archive, fingerprint).
/// - `release_file`: the members read from each release (provenance: file).
/// - `authority`: England, regions and local authorities by GSS code, with old LA code and
///   name (the newest release's).
/// - `label`: age, placement, need and reason labels as published, interned.
/// - `observation`: one value per authority, measure, year, release, age and category, with its
///   file and line (provenance); `value` is NULL and `missing` holds the code when unpublished.
/// - `finance_file` (finance-v1): one row per imported DfE finance file (ODS/XLSX), its kind and
///   fingerprint.
/// - `finance_value` (finance-v1): every figure read from a finance file, as ``FinanceRow``'s
///   columns (area, LA code, period, measure, value or missing reason, sheet, row, column,
///   edition), with `authority_id`: the SEN2 authority it is joined to by LA code, else by name
///   (NULL for England and for authorities SEN2 does not have).
enum StoreSchema {
  /// The migrator every store is opened with.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("sen2-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE release (
            id INTEGER PRIMARY KEY,
            publication TEXT NOT NULL,
            reporting_year INTEGER NOT NULL UNIQUE,
            schema TEXT NOT NULL,
            archive TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            imported_at TEXT NOT NULL);
          CREATE TABLE release_file (
            id INTEGER PRIMARY KEY,
            release_id INTEGER NOT NULL REFERENCES release(id) ON DELETE CASCADE,
            member TEXT NOT NULL,
            UNIQUE (release_id, member));
          CREATE TABLE authority (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            old_code TEXT,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            region TEXT,
            named_by_release INTEGER NOT NULL,
            first_census INTEGER,
            last_census INTEGER);
          CREATE INDEX authority_old_code ON authority(old_code);
          CREATE TABLE label (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE);
          CREATE TABLE observation (
            authority_id INTEGER NOT NULL REFERENCES authority(id),
            measure INTEGER NOT NULL,
            year INTEGER NOT NULL,
            release_id INTEGER NOT NULL REFERENCES release(id) ON DELETE CASCADE,
            age_id INTEGER NOT NULL REFERENCES label(id),
            category_id INTEGER NOT NULL REFERENCES label(id),
            value INTEGER,
            missing TEXT,
            file_id INTEGER NOT NULL REFERENCES release_file(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            PRIMARY KEY (authority_id, measure, year, release_id, age_id, category_id)
          ) WITHOUT ROWID;
          INSERT INTO label (id, text) VALUES (1, '');
          """)
    }
    migrator.registerMigration("finance-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE finance_file (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            imported_at TEXT NOT NULL);
          CREATE TABLE finance_value (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES finance_file(id) ON DELETE CASCADE,
            authority_id INTEGER REFERENCES authority(id),
            area_kind TEXT NOT NULL,
            authority_name TEXT,
            la_code INTEGER,
            ons_code TEXT,
            period_kind TEXT NOT NULL,
            period_year INTEGER NOT NULL,
            measure TEXT NOT NULL,
            unit TEXT NOT NULL,
            value REAL,
            missing TEXT,
            sheet TEXT NOT NULL,
            row INTEGER NOT NULL,
            column_letters TEXT NOT NULL,
            unit_in_file TEXT,
            edition_kind TEXT NOT NULL,
            edition_date TEXT,
            edition_date_basis TEXT NOT NULL,
            CHECK ((value IS NULL) <> (missing IS NULL)));
          CREATE INDEX finance_value_file ON finance_value(file_id);
          CREATE INDEX finance_value_authority ON finance_value(authority_id);
          """)
    }
    return migrator
  }
}
