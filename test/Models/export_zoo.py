#!/usr/bin/env python3
"""Exports the GhostNet styles the model tests compile, at test time.

Usage: export_zoo.py OUTPUT_DIR STYLE [STYLE ...]

A style name reads <arch>-<width>-op<opset>[-keepbn][-hsig][-mean][-dyn][-ext];
the file written is OUTPUT_DIR/<style>.onnx. Nothing is committed: every
model is built from python/ghostc's own definitions with a fixed seed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))

from ghostc.export import export  # noqa: E402
from ghostc.models import build  # noqa: E402


def export_style(directory: Path, style: str) -> None:
    arch, width, opset, *flags = style.split("-")
    unknown = set(flags) - {"keepbn", "hsig", "mean", "dyn", "ext"}
    if unknown or not opset.startswith("op"):
        raise SystemExit(f"export_zoo.py: cannot read style '{style}'")
    model = build(arch, width=float(width),
                  gate="hardsigmoid" if "hsig" in flags else "relu6",
                  pool="mean" if "mean" in flags else "adaptive", seed=0)
    export(model, directory / f"{style}.onnx", opset=int(opset[2:]),
           keep_batchnorm="keepbn" in flags, dynamic_batch="dyn" in flags,
           external_data="ext" in flags)


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[2:]:
        export_style(out, name)
