"""ghostc: an ahead-of-time compiler for ONNX models of the GhostNet family.

The Python package holds PyTorch definitions of GhostNet V1 and GhostNetV2
(:mod:`ghostc.models`) and the tool that exports them to ONNX
(:mod:`ghostc.export`), which is what the compiler reads.
"""

__version__ = "0.1.0"
