"""Compile ONNX models with ghostc and run them from Python with NumPy.

::

    import numpy as np
    import ghostc

    model = ghostc.compile("ghostnet.onnx")
    (logits,) = model(np.zeros(model.inputs[0].shape, np.float32))

:func:`compile` drives the ``ghostc`` executable, links the object it writes
into a shared library and loads that with :mod:`ctypes`. The compiled model
checks the dtype and shape of every input, owns its workspace, and reports
ghostc's own error messages as :class:`GhostcError`.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["CompiledModel", "GhostcError", "TensorInfo", "compile", "find_ghostc"]


class GhostcError(RuntimeError):
    """ghostc rejected the model; the message is ghostc's own."""


@dataclass(frozen=True)
class TensorInfo:
    """One input or output of a compiled model."""

    name: str
    dtype: np.dtype
    shape: tuple[int, ...]


def find_ghostc() -> Path:
    """The ghostc executable: $GHOSTC, this checkout's build/bin/ghostc, the
    one installed in the module's own prefix, or the first on PATH."""
    candidates = []
    if os.environ.get("GHOSTC"):
        candidates.append(Path(os.environ["GHOSTC"]))
    parents = Path(__file__).resolve().parents
    # A checkout: python/ghostc/compiler.py beside build/.
    if len(parents) > 2:
        candidates.append(parents[2] / "build" / "bin" / "ghostc")
    # An install: PREFIX/lib/python3/dist-packages/ghostc/compiler.py (CMake,
    # the .deb) or PREFIX/lib/python3.X/site-packages/... beside PREFIX/bin.
    if len(parents) > 4:
        candidates.append(parents[4] / "bin" / "ghostc")
    on_path = shutil.which("ghostc")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(
        "cannot find the ghostc executable: build it (scripts/build.sh), put it "
        "on PATH or set GHOSTC")


_TENSOR_RE = re.compile(
    r'^#define (?P<macro>\w+)_(?P<role>INPUT|OUTPUT)(?P<index>\d+)_NAME "(?P<name>(?:[^"\\]|\\.)*)"$'
    r"|^static const int64_t \w+_(?P<srole>input|output)(?P<sindex>\d+)_shape\[\d+\] = \{(?P<shape>[^}]*)\};$",
    re.MULTILINE)


def _read_header(header: str) -> tuple[list[TensorInfo], list[TensorInfo]]:
    """Inputs and outputs as the generated header describes them."""
    names: dict[tuple[str, int], str] = {}
    shapes: dict[tuple[str, int], tuple[int, ...]] = {}
    for match in _TENSOR_RE.finditer(header):
        if match["name"] is not None:
            names[(match["role"].lower(), int(match["index"]))] = match["name"]
        else:
            dims = [d.strip() for d in match["shape"].split(",") if d.strip()]
            shapes[(match["srole"], int(match["sindex"]))] = tuple(int(d) for d in dims)

    def collect(role: str) -> list[TensorInfo]:
        count = sum(1 for key in names if key[0] == role)
        return [TensorInfo(names[(role, i)], np.dtype(np.float32), shapes[(role, i)])
                for i in range(count)]

    return collect("input"), collect("output")


class CompiledModel:
    """A model compiled for this machine: call it with NumPy arrays.

    ``model(*arrays)`` takes one float32 array per input, in order and of the
    exact shape in :attr:`inputs`, and returns a list of new arrays, one per
    output. Calls are serialised per model (it owns one workspace); compile
    the model twice to run it in parallel.
    """

    def __init__(self, library: Path, header: Path, prefix: str, keep: Any) -> None:
        self._keep = keep  # the temporary directory that holds the library
        self._lib = ctypes.CDLL(str(library))
        self._run = getattr(self._lib, f"{prefix}_run")
        self._run.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        self._run.restype = ctypes.c_int
        size = getattr(self._lib, f"{prefix}_workspace_size")
        size.restype = ctypes.c_size_t
        self.workspace_size: int = size()
        # 64-byte alignment, as the header asks.
        self._workspace = np.zeros(self.workspace_size + 64, np.uint8)
        offset = (-self._workspace.ctypes.data) % 64
        self._workspace_ptr = self._workspace.ctypes.data + offset
        self._lock = threading.Lock()
        self.inputs, self.outputs = _read_header(header.read_text())
        self.header_path = header

    def _checked(self, index: int, array: Any) -> np.ndarray:
        info = self.inputs[index]
        if not isinstance(array, np.ndarray):
            raise TypeError(f"input {index} ('{info.name}') must be a numpy.ndarray, "
                            f"got {type(array).__name__}")
        if array.dtype != info.dtype:
            raise TypeError(f"input {index} ('{info.name}') must have dtype "
                            f"{info.dtype}, got {array.dtype}")
        if array.shape != info.shape:
            raise ValueError(f"input {index} ('{info.name}') must have shape "
                             f"{info.shape}, got {array.shape}")
        return np.ascontiguousarray(array)

    def __call__(self, *arrays: Any) -> list[np.ndarray]:
        if len(arrays) != len(self.inputs):
            raise TypeError(f"the model takes {len(self.inputs)} input(s), "
                            f"got {len(arrays)}")
        inputs = [self._checked(i, a) for i, a in enumerate(arrays)]
        outputs = [np.empty(info.shape, info.dtype) for info in self.outputs]
        input_ptrs = (ctypes.c_void_p * len(inputs))(*[a.ctypes.data for a in inputs])
        output_ptrs = (ctypes.c_void_p * len(outputs))(*[a.ctypes.data for a in outputs])
        with self._lock:
            status = self._run(input_ptrs, output_ptrs, self._workspace_ptr)
        if status != 0:
            raise RuntimeError(f"the compiled model returned status {status}")
        return outputs

    def __repr__(self) -> str:
        ins = ", ".join(f"{t.name}{list(t.shape)}" for t in self.inputs)
        outs = ", ".join(f"{t.name}{list(t.shape)}" for t in self.outputs)
        return f"<ghostc.CompiledModel ({ins}) -> ({outs})>"


def compile(model: str | os.PathLike[str] | Any, mtriple: str | None = None,
            mcpu: str | None = None, opt: int = 2, batch: int = 1,
            **dims: int) -> CompiledModel:
    """Compile an ONNX model for this machine and load it.

    Args:
        model: a path to an ``.onnx`` / ``.onnxtxt`` file, or an
            ``onnx.ModelProto``.
        mtriple: the target triple; only this machine's can be loaded, so any
            other is refused (use the ghostc executable to cross-compile).
        mcpu: the target CPU (default: the portable baseline; ``"native"``).
        opt: optimisation level, 0 to 3 (ghostc's default, 2).
        batch: value of a symbolic batch axis.
        **dims: values of other symbolic dimensions, by name.

    Raises:
        FileNotFoundError: the model file or the ghostc executable is missing.
        GhostcError: ghostc rejected the model (its message is kept).
        ValueError: an argument is out of range.
    """
    if mtriple is not None:
        raise ValueError("compile() loads the model into this process, so it "
                         "compiles for this machine only; cross-compile with the "
                         "ghostc executable and --mtriple")
    if opt not in (0, 1, 2, 3):
        raise ValueError(f"opt must be 0, 1, 2 or 3, got {opt!r}")
    for name, value in {"batch": batch, **dims}.items():
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    ghostc = find_ghostc()
    work = tempfile.TemporaryDirectory(prefix="ghostc-")
    workdir = Path(work.name)
    if isinstance(model, (str, os.PathLike)):
        path = Path(model)
        if not path.is_file():
            raise FileNotFoundError(f"no such model file: '{path}'")
    else:
        import onnx  # Only needed for in-memory models.
        if not isinstance(model, onnx.ModelProto):
            raise TypeError("model must be a path or an onnx.ModelProto, got "
                            f"{type(model).__name__}")
        path = workdir / "model.onnx"
        onnx.save_model(model, str(path))

    prefix = "model"
    command = [str(ghostc), str(path), f"--name={prefix}", f"-O{opt}",
               f"--batch={batch}", "-o", str(workdir / "model.o")]
    command += [f"--dim={name}={value}" for name, value in dims.items()]
    if mcpu:
        command.append(f"--mcpu={mcpu}")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise GhostcError(result.stderr.strip() or f"ghostc exited with status "
                          f"{result.returncode}")
    library = workdir / "model.so"
    cc = os.environ.get("CC", "cc")
    link = subprocess.run([cc, "-shared", str(workdir / "model.o"), "-lm", "-o",
                           str(library)], capture_output=True, text=True)
    if link.returncode != 0:
        raise GhostcError(f"linking the compiled model failed: {link.stderr.strip()}")
    return CompiledModel(library, workdir / "model.h", prefix, work)
