#!/usr/bin/env bash
# Fuzzes load -> ScenarioRewriter (a lever's size) -> load for $1 seconds (60).
# Seeds: seeds/scenario (a lever of every kind), the shipped scenarios, the bad catalogue.
source "$(dirname "$0")/lib.sh"
FUZZ_DICT_NAME=scenario
fuzz_target roundtrip "${1:-60}" "$FUZZ_DIR/seeds/scenario" "$ROOT/scenarios" "$ROOT/Tests/HighNeedsTests/Fixtures/bad"
