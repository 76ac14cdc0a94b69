#!/usr/bin/env bash
# Warm `scrutineer analyze` on a small change: the caches are filled by one cold run (facts, the
# linked merge-base, history) and one more (which packs the merge-base's facts), then:
# - the same change is analysed RUNS times, through the `scrutineer` launcher (its JVM options and
#   class archive) and as plain `java -jar`; baseline in the same run: `git diff --numstat -M` of
#   the change, which reads the same blobs;
# - RUNS times with the change's Java files edited again first, so that their content is new to the
#   cache, as a pull request's is;
# - RUNS times a change on the same merge-base that edits only bodies: ten Java files that return
#   null return (null), every line moved down one (the framework facts are the merge-base's but for
#   those files' edges);
# - RUNS times with warm facts and mined commits but the merge-base's linked graph, stored history,
#   framework facts and packed facts removed first (a change on a new merge-base);
# - RUNS times with the graph, history, framework facts and packed facts of the merge-base's parent
#   stored instead,
#   as two analyses on it leave them (a merge-base that moved by one commit, as in CI; that graph is
#   only stored when the parent's commit changes Java files).
# Also prints how many files each kind of run linked, the peak heap and peak RSS of one warm run
# of each way of starting, and the load average before and after.
#
#   bench/analyze-warm.sh REPO [FILES] [RUNS]
#
# The change is HEAD~N..HEAD with N the smallest number of first-parent commits that changes at
# least FILES files (default 10). The cache lives in a temporary directory, removed afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
repo=${1:?usage: bench/analyze-warm.sh REPO [FILES] [RUNS]}
want=${2:-10}
runs=${3:-5}

jar="$here/../target/scrutineer.jar"
launcher="$here/../scrutineer"
[ -f "$jar" ] || (cd "$here/.." && mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package)
"$launcher" --version >/dev/null # writes the launcher's class archive once

n=1
until [ "$(git -C "$repo" diff --name-only -M "HEAD~$n" HEAD | wc -l)" -ge "$want" ]; do
  n=$((n + 1))
done
base=$(git -C "$repo" rev-parse "HEAD~$n")
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

# Peak heap used and peak resident set of one run: the heap before each collection and at exit
# (from -Xlog:gc and gc+heap+exit; a run with a young generation larger than all it allocates
# never collects), with how many collections there were.
peaks() {
  local log="$cache/gc.log" rss
  /usr/bin/time -o "$cache/rss" -f %M env JAVA_TOOL_OPTIONS="-Xlog:gc,gc+heap+exit:file=$log" "$@" >/dev/null 2>&1
  rss=$(tail -1 "$cache/rss")
  awk -v rss="$rss" '
    /Pause/ { pauses++; split($0, a, "->"); n = split(a[1], b, " "); v = b[n]; sub("M", "", v); if (v + 0 > max) max = v + 0 }
    /(PSYoungGen|ParOldGen|garbage-first heap|def new generation|tenured generation) +total/ {
      if (match($0, /used [0-9]+K/)) exit_kb += substr($0, RSTART + 5, RLENGTH - 6) }
    END { if (exit_kb / 1024 > max) max = exit_kb / 1024
      printf "peak heap %d MB, peak RSS %d MB, %d collections\n", max, rss / 1024, pauses }' "$log"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load before: $(uptime | sed 's/.*load average: //')"
echo "change: HEAD~$n..HEAD of $repo: $(git -C "$repo" diff --shortstat -M "$base" HEAD)"
cold=$(time_once env SCRUTINEER_CACHE="$cache" java -jar "$jar" analyze --repo "$repo" --base "$base" --format json)
echo "cold analyze (empty cache, whole JVM): $cold s"
linked() {
  env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base" --format json 2>/dev/null |
    grep -o '"linked" : [0-9]*' | grep -o '[0-9]*'
}
echo "files linked: $(linked) of $(git -C "$repo" ls-tree -r --name-only HEAD | grep -c '\.java$') with the merge-base's graph stored"
CMD_B=(git -C "$repo" diff --numstat -M "$base" HEAD)
CMD_A=(env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base" --format json)
compare "$runs" "warm ./scrutineer analyze" "git diff --numstat -M"
echo "  ./scrutineer: $(peaks "${CMD_A[@]}")"
CMD_A=(env SCRUTINEER_CACHE="$cache" java -jar "$jar" analyze --repo "$repo" --base "$base" --format json)
compare "$runs" "warm java -jar analyze" "git diff --numstat -M"
echo "  java -jar: $(peaks "${CMD_A[@]}")"
# As for a pull request: the same change, its Java files edited again (a comment appended, a new
# commit in a bare clone sharing the repository's objects) so that their content is new to the
# cache, on the warm merge-base.
clone="$cache/clone.git"
git clone -q --bare --shared "$repo" "$clone"
edited=$(git -C "$repo" diff --name-only --diff-filter=AM "$base" HEAD -- '*.java')
new_change() {
  local index="$cache/index" path blob
  GIT_INDEX_FILE="$index" git -C "$clone" read-tree HEAD
  for path in $edited; do
    blob=$({ git -C "$clone" show "HEAD:$path"; printf '\n// edited again, %s\n' "$1"; } | git -C "$clone" hash-object -w --stdin)
    GIT_INDEX_FILE="$index" git -C "$clone" update-index --cacheinfo "100644,$blob,$path"
  done
  git -C "$clone" commit-tree "$(GIT_INDEX_FILE="$index" git -C "$clone" write-tree)" -p HEAD -m "edited again $1"
}
fresh=()
for ((r = 0; r < runs; r++)); do
  head=$(new_change "$r")
  fresh+=("$(time_once env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$clone" --base "$base" --head "$head" --format json)")
done
printf '%-32s median %7.3f s   runs: %s\n' "./scrutineer, files new to cache" \
  "$(printf '%s\n' "${fresh[@]}" | median)" "${fresh[*]}"
echo "  ($(echo "$edited" | grep -c .) Java files of the change edited again before each run)"
# A change that edits only bodies, on the same merge-base: in ten of its Java files that return
# null, the first "return null;" becomes "return (null);" and every line moves down one.
bodies_change() {
  local index="$cache/index" path blob n=0
  GIT_INDEX_FILE="$index" git -C "$clone" read-tree "$base"
  for path in $(git -C "$clone" grep -l 'return null;' "$base" -- '*/src/main/java/*.java' | sed "s/^$base://"); do
    blob=$(git -C "$clone" show "$base:$path" | { printf '\n'; sed '0,/return null;/s//return (null);/'; } |
      git -C "$clone" hash-object -w --stdin)
    GIT_INDEX_FILE="$index" git -C "$clone" update-index --cacheinfo "100644,$blob,$path"
    n=$((n + 1))
    [ "$n" -ge 10 ] && break
  done
  git -C "$clone" commit-tree "$(GIT_INDEX_FILE="$index" git -C "$clone" write-tree)" -p "$base" -m "bodies edited"
}
bodies=$(bodies_change)
env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$clone" --base "$base" --head "$bodies" --format json >/dev/null 2>&1
CMD_A=(env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$clone" --base "$base" --head "$bodies" --format json)
CMD_B=(git -C "$clone" diff --numstat "$base" "$bodies")
compare "$runs" "./scrutineer, bodies edited" "git diff --numstat"
echo "  ($(git -C "$clone" diff --name-only "$base" "$bodies" | wc -l) Java files whose bodies alone changed)"
new_base=()
for ((r = 0; r < runs; r++)); do
  rm -rf "$cache/graphs" "$cache/histories" "$cache/packs" "$cache/frameworks"
  new_base+=("$(time_once env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base" --format json)")
done
printf '%-32s median %7.3f s   runs: %s\n' "./scrutineer, new merge-base" \
  "$(printf '%s\n' "${new_base[@]}" | median)" "${new_base[*]}"
rm -rf "$cache/graphs" "$cache/histories" "$cache/packs" "$cache/frameworks"
echo "  files linked on a new merge-base: $(linked) (the merge-base in full, then the change)"
# As in CI, where the merge-base moves: the graph of the commit before the merge-base is stored,
# and the merge-base's is derived from it.
derived=()
for ((r = 0; r < runs; r++)); do
  rm -rf "$cache/graphs" "$cache/histories" "$cache/packs" "$cache/frameworks"
  for twice in 1 2; do
    env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base~1" --head "$base" --format json >/dev/null 2>&1
  done
  derived+=("$(time_once env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base" --format json)")
done
printf '%-32s median %7.3f s   runs: %s\n' "./scrutineer, merge-base moved" \
  "$(printf '%s\n' "${derived[@]}" | median)" "${derived[*]}"
rm -rf "$cache/graphs" "$cache/histories" "$cache/packs" "$cache/frameworks"
for twice in 1 2; do
  env SCRUTINEER_CACHE="$cache" "$launcher" analyze --repo "$repo" --base "$base~1" --head "$base" --format json >/dev/null 2>&1
done
echo "  files linked when the merge-base moved by one commit: $(linked) (relinked from the parent's stored graph)"
echo "load after: $(uptime | sed 's/.*load average: //')"
