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

/// The elements of `value` when it is produced by an f32 constant (dense or
/// a weight's resource blob).
std::optional<std::vector<float>> constantValues(mlir::Value value);

/// The name for a weight computed from the constant `value`: its blob's
/// name with `suffix` (ghostc/Support/Weights.h).
std::string derivedConstantName(mlir::Value value, llvm::StringRef suffix);

/// True when `value` is a constant whose every element is within 1e-6 of
/// `expected`.
bool isConstantSplat(mlir::Value value, float expected);

/// True when `op` is relu6(x + 3) / 6, the hard sigmoid of GhostNet's gates
/// (alpha 1/6, beta 0.5).
bool isCanonicalHardSigmoid(HardSigmoidOp op);

/// A ghost.constant of `shape` holding `values` (row-major); a weight's
/// blob named after `name` takes them without a copy.
mlir::Value createConstant(mlir::PatternRewriter &rewriter, mlir::Location loc,
                           llvm::ArrayRef<int64_t> shape,
                           std::vector<float> values,
                           llvm::StringRef name = "constant");

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
