"""Compile an ONNX model with ghostc, run it and compare with a reference.

::

    /usr/bin/python3 -m ghostc.check ghostnet.onnx --arch ghostnet --width 1.0

The reference is PyTorch when the model is one of our zoo's (name it with the
same --arch/--width/--gate/--pool/--seed it was exported with), or else ONNX
Runtime when Python has the onnxruntime package. The input is random; the
check prints the largest difference and passes when it is within
1e-4 * max |reference| and every row's arg-max agrees.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

from ghostc.compiler import GhostcError, compile

TOLERANCE = 1e-4


def _reference(args: argparse.Namespace, x: np.ndarray) -> tuple[str, np.ndarray]:
    """The reference output on ``x`` and the name of what computed it."""
    if args.arch is not None:
        from ghostc.export import reference
        from ghostc.models import build

        model = build(args.arch, width=args.width, gate=args.gate, pool=args.pool,
                      seed=args.seed)
        return "PyTorch", reference(model, x)
    try:
        import onnxruntime  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit(
            "ghostc.check: no reference: name the zoo model with --arch (and the "
            "--width/--gate/--pool/--seed it was exported with), or install "
            "onnxruntime for Python") from None
    session = onnxruntime.InferenceSession(str(args.model))
    name = session.get_inputs()[0].name
    return "ONNX Runtime", session.run(None, {name: x})[0]


def main(argv: Sequence[str] | None = None) -> int:
    from ghostc.export import add_model_arguments

    parser = argparse.ArgumentParser(
        prog="python3 -m ghostc.check",
        description="Compile MODEL with ghostc, run it on a random input and "
        "compare its first output with PyTorch (zoo models) or ONNX Runtime.")
    parser.add_argument("model", type=Path, metavar="MODEL.onnx")
    parser.add_argument("--batch", type=int, default=1,
                        help="value of a symbolic batch axis (default: %(default)s)")
    add_model_arguments(parser)
    # Without --arch the model is not assumed to be a zoo model.
    parser.set_defaults(arch=None)
    args = parser.parse_args(argv)

    try:
        compiled = compile(args.model, batch=args.batch)
    except (GhostcError, FileNotFoundError, ValueError) as error:
        print(f"ghostc.check: {error}", file=sys.stderr)
        return 1
    if len(compiled.inputs) != 1:
        print("ghostc.check: only models with one input are supported",
              file=sys.stderr)
        return 1
    x = np.random.default_rng(args.seed).standard_normal(
        compiled.inputs[0].shape, dtype=np.float32)
    source, expected = _reference(args, x)
    (got,) = compiled(x)[:1]
    diff = float(np.abs(got - expected).max())
    bound = TOLERANCE * float(np.abs(expected).max())
    rows_agree = bool(np.all(got.reshape(got.shape[0], -1).argmax(1)
                             == expected.reshape(expected.shape[0], -1).argmax(1)))
    ok = diff <= bound and rows_agree
    print(f"{args.model}: max |ghostc - {source}| = {diff:.3g} "
          f"(bound {bound:.3g}), arg-max {'agrees' if rows_agree else 'DIFFERS'}: "
          f"{'OK' if ok else 'MISMATCH'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
