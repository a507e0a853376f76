#!/usr/bin/env bash
# Fuzzes load -> ScenarioRewriter (a lever's size) -> load for $1 seconds (60).
# Seeds: the shipped scenarios (the ones that load give levers to rewrite).
source "$(dirname "$0")/lib.sh"
FUZZ_DICT_NAME=scenario
fuzz_target roundtrip "${1:-60}" "$ROOT/scenarios" "$ROOT/Tests/HighNeedsTests/Fixtures/bad"
