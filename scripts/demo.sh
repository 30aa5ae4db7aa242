#!/usr/bin/env bash
# README command 1, the main job: install what is missing, build ghostc,
# export GhostNet 1.0x from our PyTorch definition, compile it with ghostc,
# link it into the example application (examples/classify) and run it on an
# image: top-5 classes and latency.
#
# The zoo's weights are random (no pretrained weights can be downloaded
# here), so the classes are those of an untrained network; the e2e tests
# check that they are PyTorch's.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh

work=${DEMO_DIR:-build/demo}
mkdir -p "$work"
work=$(cd "$work" && pwd)
ms_since() { echo "$(( ($(date +%s%N) - $1) / 1000000 )) ms"; }

echo "== export: GhostNet 1.0x, opset 13, from python/ghostc/models.py"
start=$(date +%s%N)
(cd python && /usr/bin/python3 -m ghostc.export --arch ghostnet --width 1.0 \
   --opset 13 -o "$work/ghostnet.onnx")
echo "export: $(ms_since "$start")"

echo "== image: a synthetic 400x300 test image"
/usr/bin/python3 - "$work/image.ppm" <<'PY'
import sys
import numpy as np
h, w = 300, 400
y, x = np.mgrid[0:h, 0:w]
checker = 64 * ((x // 40 + y // 40) % 2)
rgb = np.stack([x * 255 // w, y * 255 // h, (x + y) * 127 // (h + w) + checker], -1)
with open(sys.argv[1], "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (w, h))
    f.write(rgb.astype(np.uint8).tobytes())
PY

echo "== compile and link: examples/classify with ghostc_add_model()"
start=$(date +%s%N)
cmake -G Ninja -S examples/classify -B "$work/classify" \
  -Dghostc_DIR="$PWD/build/lib/cmake/ghostc" \
  -DGHOSTNET_MODEL="$work/ghostnet.onnx" > /dev/null
cmake --build "$work/classify"
echo "compile and link: $(ms_since "$start")"

echo "== run"
"$work/classify/classify" "$work/image.ppm" 30
