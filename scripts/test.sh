#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test suite
# (lit regression tests, then the Python tests). Exits non-zero if any fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh

status=0
echo "== lit: regression and end-to-end tests"
/usr/lib/llvm-22/bin/lit -sv build/test || status=1

echo "== pytest: the Python package"
/usr/bin/python3 -m pytest -q python/tests || status=1

exit $status
