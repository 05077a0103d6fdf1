#!/bin/sh
# Install every Debian 12 package dyad needs to build, run and test.
# Run as root (or with sudo). Safe to run again.
set -eu
# clang and libclang-rt-14-dev (libFuzzer, Debian 12's clang 14) and valgrind
# are for make test's fuzzing pass and leak check.
PKGS="build-essential pkg-config libjansson-dev libxml2-dev liblingua-en-tagger-perl wordnet-base
      iso-codes python3 valgrind clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
echo "dyad: dependencies installed"
