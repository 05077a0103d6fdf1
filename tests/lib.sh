# tests/lib.sh — the common start of the CLI test runners (golden, cli,
# hostile). Source it after `cd` to the repository root. Sets ROOT, LC_ALL=C
# and BIN (absolute path of $DYAD_BIN, default build/dyad);
# `require_bin NAME` reports a missing binary as one failure of NAME and exits.
ROOT=$(pwd)
LC_ALL=C
export LC_ALL
BIN=${DYAD_BIN:-build/dyad}
case $BIN in
/*) ;;
*) BIN="$ROOT/$BIN" ;;
esac

require_bin() {
    [ -x "$BIN" ] && return 0
    echo "FAIL $1: no binary at $BIN (build it, or set DYAD_BIN)"
    echo "RESULT $1 passed=0 failed=1"
    exit 1
}
