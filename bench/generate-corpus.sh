#!/usr/bin/env bash
# Writes a deterministic synthetic Java source tree to benchmark the reach engine on: a
# multi-module-like Spring service (records, enums, utilities, repositories, services, controllers,
# scheduled jobs, Kafka listeners, tests) that compiles with javac alone. The same FILES and SEED
# always give the same bytes.
#
#   bench/generate-corpus.sh OUTDIR FILES [SEED] [CHANGED]
#
# FILES counts every .java file written, the framework stubs under OUTDIR/stubs included.
# The generator is a test class that needs only the JDK, so the test classes are its whole class
# path: no dependency resolution is needed.
#
# With CHANGED, OUTDIR also becomes a git repository of three commits, with fixed authors and
# dates so that the same arguments give the same commit ids: the corpus; a change to one service;
# and a change to CHANGED other services (the body of their `adjust` method, which their `create`
# calls). `bench/analyze-warm.sh OUTDIR CHANGED` then times a change of CHANGED files on a merge-base
# whose parent also changed Java code, as its merge-base-moved case needs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
usage="usage: bench/generate-corpus.sh OUTDIR FILES [SEED] [CHANGED]"
out=${1:?$usage}
files=${2:?$usage}
seed=${3:-1}
changed=${4:-}

if [ -n "$changed" ] && [ -e "$out/.git" ]; then
  echo "generate-corpus: $out is already a git repository; give an empty or new OUTDIR" >&2
  exit 2
fi
(cd "$root" && mvn -B -q -Dstyle.color=never test-compile) >&2
java -cp "$root/target/test-classes" dev.scrutineer.reach.oracle.CorpusGenerator "$out" "$files" "$seed"
[ -n "$changed" ] || exit 0

commit() {
  git -C "$out" add -A
  GIT_AUTHOR_DATE="2026-01-0$1T09:00:00Z" GIT_COMMITTER_DATE="2026-01-0$1T09:00:00Z" \
    git -C "$out" -c user.name=Bench -c user.email=bench@example.com -c commit.gpgsign=false \
    commit -q -m "$2"
}
# One line of each service, so that every edit is a body change of the same method.
edit() {
  local file="$out/$1" value=$2
  sed "s/^    long adjusted = amount;\$/    long adjusted = amount + $value;/" "$file" >"$file.edit"
  mv "$file.edit" "$file"
}

services=()
while IFS= read -r service; do services+=("${service#./}"); done \
  < <(cd "$out" && find . -name 'Default*Service.java' | LC_ALL=C sort)
if [ "${#services[@]}" -le "$changed" ]; then
  echo "generate-corpus: the corpus has ${#services[@]} services, fewer than CHANGED + 1; give more FILES" >&2
  exit 2
fi
git -C "$out" init -q
commit 1 "corpus"
edit "${services[${#services[@]} - 1]}" 2
commit 2 "change one service"
for ((i = 0; i < changed; i++)); do
  edit "${services[$i]}" 1
done
commit 3 "change $changed services"
echo "git repository: HEAD~1..HEAD changes $(git -C "$out" diff --name-only HEAD~1 HEAD | wc -l | tr -d ' ') files"
