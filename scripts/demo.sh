#!/usr/bin/env bash
# README command 1, the main job: install what is missing, build ghostc,
# export GhostNet 1.0x from our PyTorch definition, and compile it.
#
# It runs every stage that exists today and says plainly where the path
# stops; it never fakes a stage.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh

work=${DEMO_DIR:-build/demo}
mkdir -p "$work"

echo "== export: GhostNet 1.0x, opset 13, from python/ghostc/models.py"
start=$(date +%s%N)
(cd python && /usr/bin/python3 -m ghostc.export --arch ghostnet --width 1.0 \
   --opset 13 -o "../$work/ghostnet.onnx")
echo "export: $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "== compile: ghostc --emit=ghost (import + graph passes)"
build/bin/ghostc "$work/ghostnet.onnx" --emit=ghost --elide-weights --timing \
  -o "$work/ghostnet.ghost.mlir"
echo "ghost dialect written to $work/ghostnet.ghost.mlir; its ops:"
grep -oE 'ghost\.[a-z_]+ ' "$work/ghostnet.ghost.mlir" | sort | uniq -c | sort -rn

echo
echo "== link and run: not available yet"
echo "ghostc does not lower to native objects yet (the lowering issue is open),"
echo "so there is no object to link, no top-5 and no latency to print."
