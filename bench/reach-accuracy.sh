#!/usr/bin/env bash
# The reach engine's accuracy on a real project: every Java file under SRC_DIR is compiled with
# the JDK alone (--release 17, nothing on the class path), the bytecode oracle and the engine's
# graph are built from the same sources, and SEEDS methods/constructors known to both are sampled
# (deterministically from RNG_SEED). Prints micro-averaged recall and precision, overall and per
# confidence level, against the oracle and against the oracle without its dispatch of calls on
# Object-typed receivers (which the engine leaves out by design), the time of each step, and the
# seeds with the worst recall.
#
#   bench/reach-accuracy.sh SRC_DIR [SEEDS] [RNG_SEED]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
input=${1:?usage: bench/reach-accuracy.sh SRC_DIR [SEEDS] [RNG_SEED]}
input="$(cd "$input" && pwd)"
seeds=${2:-300}
rng=${3:-1}

cd "$here/.."
mvn -B -q -Dstyle.color=never -Dspotless.check.skip=true test-compile
cpfile=$(mktemp)
classes=$(mktemp -d)
trap 'rm -rf "$classes" "$cpfile"' EXIT
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
# A copy of the classes, so another build in this checkout cannot pull them away mid-run.
cp -r target/classes target/test-classes "$classes/"
cp="$classes/test-classes:$classes/classes:$(cat "$cpfile")"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$cp" dev.scrutineer.reach.oracle.RealProjectAccuracy "$input" "$seeds" "$rng"
