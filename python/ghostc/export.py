"""Export GhostNet models to ONNX, and save PyTorch's output as a reference.

As a library::

    from ghostc.models import build
    from ghostc.export import export
    export(build("ghostnet", 1.0), "ghostnet.onnx", opset=13)

As a tool (see ``--help``)::

    /usr/bin/python3 -m ghostc.export --arch ghostnet --width 1.0 -o ghostnet.onnx

The exported graph has one input, ``input`` of shape [N, 3, S, S], and one
output, ``logits`` of shape [N, classes], both float32.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Sequence

import numpy as np
import onnx
import torch
from torch import nn

from ghostc.models import ALL_ARCHS, GATES, POOLS, TORCHVISION_ARCHS, build

INPUT_NAME = "input"
OUTPUT_NAME = "logits"
EXTERNAL_DATA_SUFFIX = ".weights"
# Tensors smaller than this many bytes stay inside the .onnx file.
EXTERNAL_DATA_THRESHOLD = 1024

PathLike = str | os.PathLike[str]


def _require_eval(model: nn.Module) -> None:
    """Raise ``ValueError`` if ``model`` is in training mode."""
    if model.training:
        raise ValueError("the model must be in eval mode (call model.eval())")


def external_data_path(path: PathLike) -> Path:
    """Where :func:`export` puts the weights of ``path`` with external data."""
    return Path(path).with_suffix(EXTERNAL_DATA_SUFFIX)


def export(
    model: nn.Module,
    path: PathLike,
    opset: int = 13,
    dynamic_batch: bool = False,
    external_data: bool = False,
    keep_batchnorm: bool = False,
    input_size: int = 224,
    batch_size: int = 1,
) -> Path:
    """Export ``model`` (in eval mode) to the ONNX file ``path``; return its path.

    Args:
        model: the network, mapping [N, 3, S, S] images to logits.
        path: the ``.onnx`` file to write (replaced if it exists).
        opset: the ONNX default-domain opset to target (7 to 17 with PyTorch
            1.13). GhostNetV2 needs 11 or later: before Resize had
            ``coordinate_transformation_mode``, its nearest-neighbour
            upsampling could not be exported exactly (PyTorch warns).
        dynamic_batch: name axis 0 of the input and the output ``batch``
            instead of fixing it to ``batch_size``.
        external_data: keep the tensors of about 1 KiB or more in the file
            :func:`external_data_path` gives (``<stem>.weights``, beside the
            model) instead of inside the model.
        keep_batchnorm: keep the BatchNormalization nodes (inference mode)
            instead of letting PyTorch fold them into the convolutions.
        input_size: the height and width S of the input.
        batch_size: the batch N traced, and fixed unless ``dynamic_batch``.

    The result is checked with ``onnx.checker`` (with shape inference).
    """
    _require_eval(model)
    path = Path(path)
    # PRESERVE exports the model in its own mode, eval, but unlike EVAL does
    # not run the pass that folds BatchNorm into the preceding convolution.
    modes = torch.onnx.TrainingMode
    training = modes.PRESERVE if keep_batchnorm else modes.EVAL
    dynamic_axes = (
        {INPUT_NAME: {0: "batch"}, OUTPUT_NAME: {0: "batch"}} if dynamic_batch else None
    )
    example = torch.zeros(batch_size, 3, input_size, input_size)
    with warnings.catch_warnings():
        # PyTorch warns that PRESERVE with constant folding may mistranslate
        # the parameters of a model in training mode; ours is in eval mode.
        warnings.filterwarnings("ignore", "It is recommended that constant folding be turned off")
        torch.onnx.export(
            model,
            (example,),
            str(path),
            input_names=[INPUT_NAME],
            output_names=[OUTPUT_NAME],
            opset_version=opset,
            do_constant_folding=True,
            training=training,
            dynamic_axes=dynamic_axes,
        )
    if external_data:
        _move_weights_out(path)
    onnx.checker.check_model(str(path), full_check=True)
    return path


def _move_weights_out(path: Path) -> None:
    """Rewrite the ONNX file ``path`` with its large tensors in a file beside it."""
    weights = external_data_path(path)
    proto = onnx.load_model(str(path))
    # onnx appends to an existing data file, so start from an empty one.
    weights.unlink(missing_ok=True)
    onnx.save_model(
        proto,
        str(path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=weights.name,
        size_threshold=EXTERNAL_DATA_THRESHOLD,
    )


def random_input(batch_size: int, input_size: int, seed: int) -> np.ndarray:
    """Standard normal float32 images [batch_size, 3, input_size, input_size].

    The same arguments give the same array (with the same NumPy release).
    """
    rng = np.random.default_rng(seed)
    return rng.standard_normal((batch_size, 3, input_size, input_size), dtype=np.float32)


def reference(model: nn.Module, x: np.ndarray) -> np.ndarray:
    """Run ``model`` (in eval mode) on the float32 array ``x``; return its output."""
    _require_eval(model)
    with torch.no_grad():
        return model(torch.from_numpy(x)).numpy()


def save_reference(model: nn.Module, path: PathLike, x: np.ndarray) -> None:
    """Save ``x`` and ``model``'s output on it to ``path`` (keys ``input``, ``logits``)."""
    logits = reference(model, x)
    # Through a file object, so that numpy does not append ".npz" to the name.
    with open(path, "wb") as f:
        np.savez(f, **{INPUT_NAME: x, OUTPUT_NAME: logits})


def _positive_int(text: str) -> int:
    """Parse a command-line integer that must be at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose a zoo model (--arch, --width, ...)."""
    model = parser.add_argument_group("model")
    model.add_argument(
        "--arch",
        choices=ALL_ARCHS,
        default="ghostnet",
        metavar="ARCH",
        help="ghostnet (V1), ghostnetv2 (with DFC attention), or for comparison one "
        f"of torchvision's CNNs: {', '.join(TORCHVISION_ARCHS)} (default: %(default)s)",
    )
    model.add_argument(
        "--width",
        type=float,
        default=1.0,
        help="channel width multiplier; the published ones are 0.5, 1.0 and 1.3 "
        "(default: %(default)s)",
    )
    model.add_argument(
        "--gate",
        choices=GATES,
        default="relu6",
        help="how the squeeze-and-excitation hard sigmoid is written: "
        "relu6(x + 3) / 6 (Add, Clip, Div) or nn.Hardsigmoid (HardSigmoid) "
        "(default: %(default)s)",
    )
    model.add_argument(
        "--pool",
        choices=POOLS,
        default="adaptive",
        help="how global average pooling is written: nn.AdaptiveAvgPool2d(1) "
        "(GlobalAveragePool) or x.mean((2, 3)) (ReduceMean) (default: %(default)s)",
    )
    model.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seed of the weights and of the --reference-out input (default: %(default)s)",
    )


def _parser() -> argparse.ArgumentParser:
    """The command line of ``python3 -m ghostc.export``."""
    parser = argparse.ArgumentParser(
        prog="python3 -m ghostc.export",
        description=(
            "Build a GhostNet with deterministic random weights and export it to "
            "ONNX, with input 'input' [N, 3, S, S] and output 'logits' [N, 1000]."
        ),
    )
    add_model_arguments(parser)

    output = parser.add_argument_group("ONNX file")
    output.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.onnx",
        help="the ONNX file to write",
    )
    output.add_argument(
        "--opset",
        type=int,
        default=13,
        help="ONNX opset version: 7 to 17, and 11 or later for GhostNetV2 "
        "(default: %(default)s)",
    )
    output.add_argument(
        "--input-size",
        type=_positive_int,
        default=224,
        metavar="S",
        help="input height and width; GhostNetV2 needs at least 33 "
        "(default: %(default)s)",
    )
    output.add_argument(
        "--batch",
        type=_positive_int,
        default=1,
        metavar="N",
        help="batch size: fixed in the model unless --dynamic-batch, and that of "
        "the --reference-out input (default: %(default)s)",
    )
    output.add_argument(
        "--dynamic-batch",
        action="store_true",
        help="make axis 0 of the input and the output a symbolic 'batch' dimension",
    )
    output.add_argument(
        "--external-data",
        action="store_true",
        help="store the weights in FILE.weights beside the model, not inside it",
    )
    output.add_argument(
        "--keep-batchnorm",
        action="store_true",
        help="keep the BatchNormalization nodes instead of folding them into the "
        "convolutions",
    )
    output.add_argument(
        "--reference-out",
        type=Path,
        metavar="FILE.npz",
        help="also save a random input (seeded by --seed) and PyTorch's logits for "
        "it, under the keys 'input' and 'logits'",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` when None); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    model = build(args.arch, args.width, args.gate, args.pool, args.seed)
    try:
        path = export(
            model,
            args.output,
            opset=args.opset,
            dynamic_batch=args.dynamic_batch,
            external_data=args.external_data,
            keep_batchnorm=args.keep_batchnorm,
            input_size=args.input_size,
            batch_size=args.batch,
        )
    except (ValueError, RuntimeError) as error:  # e.g. an opset or input size PyTorch rejects
        parser.exit(1, f"{parser.prog}: error: {error}\n")
    except OSError as error:  # e.g. an output folder that does not exist
        parser.exit(1, f"{parser.prog}: error: cannot write {args.output}: "
                    f"{error.strerror}\n")
    nodes = len(onnx.load_model(str(path), load_external_data=False).graph.node)
    print(f"wrote {path}: {args.arch} width {args.width}, opset {args.opset}, {nodes} nodes")
    if args.external_data:
        print(f"wrote {external_data_path(path)}: its weights")
    if args.reference_out is not None:
        x = random_input(args.batch, args.input_size, args.seed)
        save_reference(model, args.reference_out, x)
        print(f"wrote {args.reference_out}: input {list(x.shape)} and PyTorch's logits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
