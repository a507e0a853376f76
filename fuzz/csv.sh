#!/usr/bin/env bash
# Fuzzes CSVRecords.parse (RFC 4180 with line numbers) for $1 seconds (60).
# Seeds: seeds/csv (the CSVs of the end-to-end tests) and the golden-output data files.
source "$(dirname "$0")/lib.sh"
fuzz_target csv "${1:-60}" "$FUZZ_DIR/seeds/csv" "$ROOT/Tests/EndToEndTests/Fixtures/golden/data"
