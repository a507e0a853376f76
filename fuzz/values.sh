#!/usr/bin/env bash
# Fuzzes the FriendlyValues parsers (money, share, count, plain number, years) for $1 seconds (60).
# Seeds: seeds/values (the scalars of FriendlyValuesTests and the forms in the docs).
source "$(dirname "$0")/lib.sh"
FUZZ_MAX_LEN=64 fuzz_target values "${1:-60}" "$FUZZ_DIR/seeds/values"
