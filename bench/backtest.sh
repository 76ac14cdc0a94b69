#!/usr/bin/env bash
# `scrutineer backtest` on a real repository, cold (empty cache: history mined, SZZ blamed) and
# warm (cache filled), against `git log --numstat` over the same history in the same run. Cold
# runs alternate with git's, each from an empty cache; medians of RUNS runs.
#
#   bench/backtest.sh REPO [RUNS]
#
# The cache lives in a temporary directory, removed afterwards; the model is not saved.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/backtest.sh REPO [RUNS]}
runs=${2:-3}

jar="$here/../target/scrutineer.jar"
[ -f "$jar" ] || (cd "$here/.." && mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package)

cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load: $(uptime | sed 's/.*load average: //')"
echo "history: $(git -C "$repo" rev-list --count HEAD) commits in $repo"
numstat=(git -C "$repo" log --numstat --no-renames --format=%H%x00%an%x00%ae%x00%at%x00%P HEAD)
backtest=(java -jar "$jar" backtest --repo "$repo" --cache "$cache" --no-save)
base=()
cold=()
for ((r = 0; r < runs; r++)); do
  rm -rf "${cache:?}"/*
  base+=("$(time_once "${numstat[@]}")")
  cold+=("$(time_once "${backtest[@]}")")
done
medians "cold ratio" "cold backtest (empty cache, JVM)" "git log --numstat" "${cold[*]}" "${base[*]}"
CMD_A=("${backtest[@]}")
CMD_B=("${numstat[@]}")
compare "$runs" "warm backtest (whole JVM)" "git log --numstat"
echo "load after: $(uptime | sed 's/.*load average: //')"
