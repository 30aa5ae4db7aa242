//===- PatternUtils.h - helpers shared by the ghost graph passes -*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_DIALECT_GHOST_TRANSFORMS_PATTERNUTILS_H
#define GHOSTC_LIB_DIALECT_GHOST_TRANSFORMS_PATTERNUTILS_H

#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/IR/PatternMatch.h"

#include <optional>
#include <vector>

namespace ghostc::ghost {

/// The elements of `value` when it is produced by a dense constant.
std::optional<std::vector<float>> constantValues(mlir::Value value);

/// True when `value` is a constant whose every element is within 1e-6 of
/// `expected`.
bool isConstantSplat(mlir::Value value, float expected);

/// True when `op` is relu6(x + 3) / 6, the hard sigmoid of GhostNet's gates
/// (alpha 1/6, beta 0.5).
bool isCanonicalHardSigmoid(HardSigmoidOp op);

/// A ghost.constant of `shape` holding `values` (row-major).
mlir::Value createConstant(mlir::PatternRewriter &rewriter, mlir::Location loc,
                           llvm::ArrayRef<int64_t> shape,
                           llvm::ArrayRef<float> values);

/// The conv's bias, or a zero constant of the conv's output-channel count.
mlir::Value biasOrZeros(mlir::PatternRewriter &rewriter, ConvOp conv);

/// Kernel height and width of `conv`.
std::pair<int64_t, int64_t> kernelSize(ConvOp conv);

/// True when `conv` is ungrouped, has unit dilation, the same stride on both
/// axes and no padding, with a kernel of `kernel`×`kernel` (any square
/// kernel when `kernel` is 0).
bool isPlainSquareConv(ConvOp conv, int64_t kernel = 0);

/// True when every one of `pads` equals `value`.
bool allEqual(llvm::ArrayRef<int64_t> values, int64_t value);

} // namespace ghostc::ghost

#endif // GHOSTC_LIB_DIALECT_GHOST_TRANSFORMS_PATTERNUTILS_H
