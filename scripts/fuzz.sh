#!/usr/bin/env bash
# Fuzzes ghostc's importer and graph passes with libFuzzer for SECONDS
# (default 60): builds ghostc-fuzz with clang, ASan and UBSan into
# build-asan/ (through scripts/sanitize.sh --build-only), makes a seed corpus
# from the importer's tests, and runs. Exits non-zero when the fuzzer finds
# a crash, a sanitizer report, a timeout or an allocation beyond the limit;
# the input that did it is written to build-asan/artifacts/ (replay:
# build-asan/bin/ghostc-fuzz FILE; keep it in test/Fuzz/Inputs/regressions
# once fixed).
#
#   scripts/fuzz.sh [SECONDS] [--stage=llvm]
#
# --stage=llvm fuzzes the whole lowering to the LLVM dialect, not only the
# importer and graph passes (slower per input).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
stage=${2:-}
dir=build-asan

./scripts/sanitize.sh --build-only

rm -rf "$dir/seeds"
/usr/bin/python3 test/Fuzz/Inputs/make_seeds.py "$dir/seeds"
mkdir -p "$dir/corpus" "$dir/artifacts"
# One process, one job: the machine has two cores and CI runs beside it.
"$dir/bin/ghostc-fuzz" "$dir/corpus" "$dir/seeds" ${stage:+"$stage"} \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$dir/artifacts/" 2>&1 | tee "$dir/fuzz.log" | \
  grep -E "^#[0-9]+ +(INITED|DONE)|^stat::number_of_executed_units|ERROR|SUMMARY|Test unit written" || true
if grep -qE "^==[0-9]+==ERROR|Test unit written|deadly signal|runtime error" "$dir/fuzz.log"; then
  echo "fuzz: FAILED, see $dir/fuzz.log and $dir/artifacts/" >&2
  exit 1
fi
echo "fuzz: no failure in ${seconds} s"
