#!/bin/sh
# tests/golden/update.sh — regenerate the expected stdout and status (and
# stderr, for cases that have a stderr file) of the golden CLI tests from the
# current binary. Review the diff before committing.
#
# Usage: sh tests/golden/update.sh [NAME...]     (DYAD_BIN as for run.sh)
# To start checking stderr for a case, create an empty stderr file first.
DYAD_GOLDEN_UPDATE=1 exec sh "$(dirname "$0")/run.sh" "$@"
