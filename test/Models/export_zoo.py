#!/usr/bin/env python3
"""Exports the GhostNet styles the model tests compile, at test time.

Usage: export_zoo.py [--reference] OUTPUT_DIR STYLE [STYLE ...]

A style name reads <arch>-<width>-op<opset>[-keepbn][-hsig][-mean][-dyn][-ext];
the file written is OUTPUT_DIR/<style>.onnx. With --reference, a random input
and PyTorch's output on it are written beside it as raw float32
(<style>.input.bin, <style>.logits.bin) for the end-to-end tests. Nothing is
committed: every model is built from python/ghostc's own definitions with a
fixed seed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))

from ghostc.export import export, random_input, reference  # noqa: E402
from ghostc.models import build  # noqa: E402


def export_style(directory: Path, style: str, with_reference: bool) -> None:
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
    if with_reference:
        x = random_input(1, 224, seed=1)
        x.tofile(directory / f"{style}.input.bin")
        reference(model, x).astype("float32").tofile(directory / f"{style}.logits.bin")


if __name__ == "__main__":
    args = sys.argv[1:]
    with_reference = args[:1] == ["--reference"]
    args = args[1:] if with_reference else args
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in args[1:]:
        export_style(out, name, with_reference)
