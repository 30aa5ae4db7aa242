#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test suite:
# lit regression tests, the Python tests, ONNX's backend test suite
# (test/onnx-backend/run.py), then the fast lit suites again with an ASan +
# UBSan build (scripts/sanitize.sh) and 60 s of fuzzing (scripts/fuzz.sh).
# Exits non-zero if any fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh

status=0
echo "== lit: regression and end-to-end tests"
/usr/lib/llvm-22/bin/lit -sv build/test || status=1

echo "== pytest: the Python package"
/usr/bin/python3 -m pytest -q python/tests || status=1

echo "== ONNX backend tests (libonnx-testdata)"
GHOSTC="$PWD/build/bin/ghostc" /usr/bin/python3 test/onnx-backend/run.py || status=1

echo "== sanitizers: ASan + UBSan build, importer/pass/driver/hostile suites"
./scripts/sanitize.sh || status=1

echo "== fuzz: 60 s of libFuzzer on the importer and graph passes"
./scripts/fuzz.sh 60 || status=1

exit $status
