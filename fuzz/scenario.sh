#!/usr/bin/env bash
# Fuzzes ScenarioLoader.load (YAML text -> Scenario or ScenarioError) for $1 seconds (60).
# Seeds: seeds/scenario, the shipped scenarios and the bad-scenario catalogue.
source "$(dirname "$0")/lib.sh"
fuzz_target scenario "${1:-60}" "$FUZZ_DIR/seeds/scenario" "$ROOT/scenarios" "$ROOT/Tests/HighNeedsTests/Fixtures/bad"
