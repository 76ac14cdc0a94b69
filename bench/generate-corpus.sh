#!/usr/bin/env bash
# Writes a deterministic synthetic Java source tree to benchmark the reach engine on: a
# multi-module-like Spring service (records, enums, utilities, repositories, services, controllers,
# scheduled jobs, Kafka listeners, tests) that compiles with javac alone. The same FILES and SEED
# always give the same bytes.
#
#   bench/generate-corpus.sh OUTDIR FILES [SEED]
#
# FILES counts every .java file written, the framework stubs under OUTDIR/stubs included.
# The generator is a test class that needs only the JDK, so the test classes are its whole class
# path: no dependency resolution is needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
usage="usage: bench/generate-corpus.sh OUTDIR FILES [SEED]"
out=${1:?$usage}
files=${2:?$usage}
seed=${3:-1}

(cd "$root" && mvn -B -q -Dstyle.color=never test-compile) >&2
java -cp "$root/target/test-classes" dev.scrutineer.reach.oracle.CorpusGenerator "$out" "$files" "$seed"
