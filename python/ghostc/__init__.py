"""ghostc: an ahead-of-time compiler for ONNX models of the GhostNet family.

:func:`compile` compiles an ONNX model with the ghostc executable and loads
it, so that it runs on NumPy arrays (:mod:`ghostc.compiler`). The package
also holds PyTorch definitions of GhostNet V1 and GhostNetV2
(:mod:`ghostc.models`) and the tool that exports them to ONNX
(:mod:`ghostc.export`).
"""

from ghostc.compiler import CompiledModel, GhostcError, TensorInfo, compile

__all__ = ["CompiledModel", "GhostcError", "TensorInfo", "compile"]
__version__ = "0.1.0"
