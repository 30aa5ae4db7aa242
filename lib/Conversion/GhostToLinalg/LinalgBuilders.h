//===- LinalgBuilders.h - helpers for the ghost-to-linalg patterns -*- C++ -*-//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The pattern files (ConvOps.cpp, ElementwiseOps.cpp, ShapeOps.cpp,
// ReductionOps.cpp) each add the patterns of one op family; they share these
// builders and declare their populate functions here.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_CONVERSION_GHOSTTOLINALG_LINALGBUILDERS_H
#define GHOSTC_LIB_CONVERSION_GHOSTTOLINALG_LINALGBUILDERS_H

#include "ghostc/Dialect/Ghost/GhostOps.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace ghostc::linalg_builders {

using BodyBuilder =
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>;

/// An uninitialised f32 tensor of `shape`.
mlir::Value emptyTensor(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<int64_t> shape);

/// An f32 tensor of `shape` filled with `value`.
mlir::Value filledTensor(mlir::OpBuilder &b, mlir::Location loc,
                         llvm::ArrayRef<int64_t> shape, float value);

/// An f32 arith.constant.
mlir::Value f32(mlir::OpBuilder &b, mlir::Location loc, float value);

/// A linalg.generic writing `init` (whose rank gives the loop count unless
/// `numLoops` is larger) from `inputs`; `body` gets the input elements and
/// the current output element and returns the new output element. The
/// output map is the identity on the first rank(init) loops.
mlir::Value generic(mlir::OpBuilder &b, mlir::Location loc,
                    mlir::ValueRange inputs,
                    llvm::ArrayRef<mlir::AffineMap> inputMaps, mlir::Value init,
                    unsigned numLoops, BodyBuilder body);

/// `value` computed element-wise into a fresh tensor of its shape.
mlir::Value elementwise(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value input, BodyBuilder body);

/// init[m, n] + scale * sum_k lhs[m, k] * rhs[k, n]; `lhsTransposed` reads
/// lhs as [k, m], `rhsTransposed` rhs as [n, k] (a Linear layer's weight).
/// The loops run m, k, n, so that the innermost loop walks rows of rhs and
/// of the output with one lhs element held fixed, which vectorises without
/// reassociating the sum; a transposed constant rhs is transposed back at
/// compile time for that. Only a transposed rhs computed at run time gets
/// loops m, n, k.
mlir::Value denseLayer(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                       bool lhsTransposed, mlir::Value rhs, bool rhsTransposed,
                       mlir::Value init, float scale);

/// The map that reads an operand of `operandShape` broadcast (NumPy rules)
/// into an iteration space of `resultShape`.
mlir::AffineMap broadcastMap(mlir::MLIRContext *context,
                             llvm::ArrayRef<int64_t> operandShape,
                             llvm::ArrayRef<int64_t> resultShape);

/// `act(x)` on one f32 element.
mlir::Value activate(mlir::OpBuilder &b, mlir::Location loc,
                     ghost::Activation act, mlir::Value x);

/// `activation` applied in place to every element of `tensor`.
mlir::Value activateTensor(mlir::OpBuilder &b, mlir::Location loc,
                           ghost::Activation act, mlir::Value tensor);

/// `x` padded by `low` / `high` elements per axis with `value`.
mlir::Value pad(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> high,
                float value);

/// The part of `source` at `offsets` of `sizes`, unit strides (`source`
/// itself when that is all of it).
mlir::Value extractSlice(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value source, llvm::ArrayRef<int64_t> offsets,
                         llvm::ArrayRef<int64_t> sizes);

/// `dest` with all of `source` written at `offsets`, unit strides.
mlir::Value insertSlice(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value source, mlir::Value dest,
                        llvm::ArrayRef<int64_t> offsets);

/// `x` given the static `shape` (same element count): a constant of the same
/// bytes when `x` is a constant (so that weights reach the kernels as
/// constants of their shape), through views otherwise.
mlir::Value reshape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                    llvm::ArrayRef<int64_t> shape);

/// A 2-D (grouped) convolution of `input` into `init` (N×O×H'×W', holding
/// the initial accumulator): init[n, o, y, x] += sum over c, ky, kx of
/// input[n, (o / outPerGroup) * Cg + c, y*sy - pt + ky*dy, x*sx - pl + kx*dx]
/// * weight[o, c, ky, kx], with zero padding.
mlir::Value convolve(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                     mlir::Value weight, mlir::Value init,
                     int64_t outPerGroup, llvm::ArrayRef<int64_t> strides,
                     llvm::ArrayRef<int64_t> pads,
                     llvm::ArrayRef<int64_t> dilations);

/// The reduction of `input` over the sorted `axes` with `combine` (element,
/// accumulator -> accumulator), starting from `initial`: a tensor of the
/// kept axes in their order.
mlir::Value reduce(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                   llvm::ArrayRef<int64_t> axes, float initial,
                   BodyBuilder combine);

/// The mean of `input` over the sorted `axes`: a tensor of the kept axes.
mlir::Value mean(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                 llvm::ArrayRef<int64_t> axes);

/// `bias` (one value per channel of axis 1) broadcast into `init`, or zeros
/// when `bias` is null.
mlir::Value broadcastBias(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value bias, mlir::Value init);

void populateConvPatterns(mlir::RewritePatternSet &patterns);
void populateElementwisePatterns(mlir::RewritePatternSet &patterns);
void populateShapePatterns(mlir::RewritePatternSet &patterns);
void populateReductionPatterns(mlir::RewritePatternSet &patterns);

} // namespace ghostc::linalg_builders

#endif // GHOSTC_LIB_CONVERSION_GHOSTTOLINALG_LINALGBUILDERS_H
