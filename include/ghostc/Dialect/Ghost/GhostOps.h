//===- GhostOps.h - ghost dialect operations --------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_GHOSTOPS_H
#define GHOSTC_DIALECT_GHOST_GHOSTOPS_H

#include "ghostc/Dialect/Ghost/GhostDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "ghostc/Dialect/Ghost/GhostEnums.h.inc"

#define GET_OP_CLASSES
#include "ghostc/Dialect/Ghost/GhostOps.h.inc"

namespace ghostc::ghost {

/// Shape of `lhs` and `rhs` broadcast against each other with NumPy rules, or
/// std::nullopt when they do not broadcast.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

/// Output length of a sliding window along one axis: convolution and pooling
/// share it. Returns a negative value when the window does not fit.
int64_t slidingWindowSize(int64_t in, int64_t padBegin, int64_t padEnd,
                          int64_t kernel, int64_t stride, int64_t dilation,
                          bool ceilMode);

} // namespace ghostc::ghost

#endif // GHOSTC_DIALECT_GHOST_GHOSTOPS_H
