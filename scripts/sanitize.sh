#!/usr/bin/env bash
# Builds ghostc and ghostc-opt with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/ (the build scripts/fuzz.sh
# uses), and runs the lit suites that fit a CI run with them: the importer,
# dialect, pass and driver tests and the hostile-model corpus (test/Fuzz).
# The end-to-end and model suites, which compile whole networks, are left to
# the plain build: under ASan they take several times as long.
#
#   scripts/sanitize.sh [--build-only]
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths relative to the checkout in ccache's keys: every clone shares hits.
export CCACHE_BASEDIR="$PWD"
dir=build-asan

if [ ! -f "$dir/build.ninja" ]; then
  cmake -G Ninja -S . -B "$dir" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DGHOSTC_SANITIZE=address,undefined -DGHOSTC_ENABLE_FUZZER=ON \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit > /dev/null
fi
start=$(date +%s)
cmake --build "$dir" --target ghostc ghostc-opt ghostc-fuzz
echo "sanitize: built in $(( $(date +%s) - start )) s"
[ "${1:-}" = --build-only ] && exit 0
# Any report fails the test that triggered it.
export ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
/usr/lib/llvm-22/bin/lit -sv "$dir/test/Import" "$dir/test/Dialect" \
  "$dir/test/Conversion" "$dir/test/Pipelines" "$dir/test/Driver" "$dir/test/Fuzz"
