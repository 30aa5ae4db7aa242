//===- Converters.h - ONNX operator converters ------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// One converter per ONNX operator, by family as in
// lib/Conversion/GhostToLinalg: ConvOps.cpp (windows), ElementwiseOps.cpp,
// ReductionOps.cpp, ShapeOps.cpp, ConstantOps.cpp (folded at compile
// time). Operators.cpp holds the table that maps each operator and schema
// version to its converter; converters test Importer::version() for what
// changed between versions. Converters.cpp holds what they share.
//
// Every converter and helper reports a problem once, through Importer::fail
// (naming the node), and returns failure: LogicalResult, or FailureOr of
// what it makes (with std::optional inside for what may be absent).
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_IMPORT_CONVERTERS_H
#define GHOSTC_LIB_IMPORT_CONVERTERS_H

#include "Importer.h"

namespace ghostc::import {

//===----------------------------------------------------------------------===//
// Shared helpers (Converters.cpp)
//===----------------------------------------------------------------------===//

/// Normalises a possibly negative `axis` for `rank`; failure (reported)
/// when it is out of range.
mlir::FailureOr<int64_t> normalizeAxis(Importer &im, int64_t axis,
                                       int64_t rank,
                                       llvm::StringRef what = "axis");

/// Integer list from input `index` when `asInput` (the operator's version
/// takes it as an input) or else from attribute `name`; std::nullopt when it
/// is not given. The other form is an error: silently ignoring it would
/// import a different computation.
mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
intsFrom(Importer &im, const onnx::NodeProto &node, int index, bool asInput,
         llvm::StringRef name);

/// Rejects extra outputs (MaxPool indices, Dropout mask, BatchNormalization
/// running statistics) that something in the graph actually uses.
mlir::LogicalResult onlyFirstOutput(Importer &im, const onnx::NodeProto &node);

/// Spatial padding `[top, left, bottom, right]` from `pads` / `auto_pad`,
/// for a sliding window with the given kernel, strides and dilations; a 1-D
/// window's `pads` (`[left, right]`) gain zero top and bottom padding.
mlir::FailureOr<llvm::SmallVector<int64_t>>
resolvePads(Importer &im, const onnx::NodeProto &node,
            llvm::ArrayRef<int64_t> inputShape, llvm::ArrayRef<int64_t> kernel,
            llvm::ArrayRef<int64_t> strides, llvm::ArrayRef<int64_t> dilations,
            bool oneD);

/// A positive list attribute of one value per spatial axis (2, or 1 when
/// `oneD`), as a pair: {1, v} for one axis. Absent, {1, 1}; when `required`,
/// absent is an error.
mlir::FailureOr<llvm::SmallVector<int64_t>>
pairAttr(Importer &im, const onnx::NodeProto &node, llvm::StringRef name,
         bool oneD, bool required = false);

/// Input `index` of a window operator (Conv, pooling): rank 4 (NCHW), or
/// rank 3 (NCW), which runs as NCHW with H = 1 (`oneD` set).
mlir::FailureOr<mlir::Value> windowInput(Importer &im,
                                         const onnx::NodeProto &node,
                                         int index, bool &oneD);

/// Optional input `index` as an SSA value (see Importer::value), or a null
/// Value when the node does not give it.
mlir::FailureOr<mlir::Value> optionalValue(Importer &im,
                                           const onnx::NodeProto &node,
                                           int index);

/// Binds the node's result, dropping the unit H axis of a 1-D window.
mlir::LogicalResult defineWindowResult(Importer &im,
                                       const onnx::NodeProto &node,
                                       mlir::FailureOr<mlir::Value> result,
                                       bool oneD);

/// Input `index` as an SSA value of rank `rank`.
mlir::FailureOr<mlir::Value> valueOfRank(Importer &im,
                                         const onnx::NodeProto &node,
                                         int index, int64_t rank);

/// Binds the node's first output to `result`, or returns failure.
mlir::LogicalResult defineResult(Importer &im, const onnx::NodeProto &node,
                                 mlir::FailureOr<mlir::Value> result);

//===----------------------------------------------------------------------===//
// Converters
//===----------------------------------------------------------------------===//

#define GHOSTC_CONVERTER(name)                                                 \
  mlir::LogicalResult convert##name(Importer &im, const onnx::NodeProto &node);

// ConvOps.cpp
GHOSTC_CONVERTER(Conv)
GHOSTC_CONVERTER(BatchNorm)
GHOSTC_CONVERTER(GlobalAveragePool)
GHOSTC_CONVERTER(MaxPool)
GHOSTC_CONVERTER(AveragePool)
// ElementwiseOps.cpp
GHOSTC_CONVERTER(Relu)
GHOSTC_CONVERTER(Sigmoid)
GHOSTC_CONVERTER(HardSwish)
GHOSTC_CONVERTER(Clip)
GHOSTC_CONVERTER(HardSigmoid)
GHOSTC_CONVERTER(LeakyRelu)
GHOSTC_CONVERTER(Add)
GHOSTC_CONVERTER(Sub)
GHOSTC_CONVERTER(Mul)
GHOSTC_CONVERTER(Div)
// ReductionOps.cpp
GHOSTC_CONVERTER(Gemm)
GHOSTC_CONVERTER(MatMul)
GHOSTC_CONVERTER(ReduceMean)
GHOSTC_CONVERTER(Softmax)
// ShapeOps.cpp
GHOSTC_CONVERTER(Reshape)
GHOSTC_CONVERTER(Flatten)
GHOSTC_CONVERTER(Squeeze)
GHOSTC_CONVERTER(Unsqueeze)
GHOSTC_CONVERTER(Transpose)
GHOSTC_CONVERTER(Concat)
GHOSTC_CONVERTER(Slice)
GHOSTC_CONVERTER(Pad)
GHOSTC_CONVERTER(Resize)
// ConstantOps.cpp
GHOSTC_CONVERTER(Identity)
GHOSTC_CONVERTER(Shape)
GHOSTC_CONVERTER(Gather)
GHOSTC_CONVERTER(Cast)
GHOSTC_CONVERTER(Constant)
GHOSTC_CONVERTER(ConstantOfShape)

#undef GHOSTC_CONVERTER

} // namespace ghostc::import

#endif // GHOSTC_LIB_IMPORT_CONVERTERS_H
