//===- GroupedConvolution.h - the generic of a grouped convolution -*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// A grouped convolution that is neither dense nor depthwise has no linalg
// named op on NCHW: convert-ghost-to-linalg writes it as a linalg.generic,
// and ghost-lower-convolutions recognises that generic by its loops and
// maps. Both take them from here, so that they cannot drift apart.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_CONVERSION_GROUPEDCONVOLUTION_H
#define GHOSTC_CONVERSION_GROUPEDCONVOLUTION_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace ghostc {

/// The loops (n, o, c, ky, kx, y, x) of a grouped convolution's generic:
/// the reductions outside the spatial loops, so that the innermost loop
/// walks a contiguous row of the output.
inline llvm::SmallVector<mlir::utils::IteratorType>
groupedConvolutionIterators() {
  using mlir::utils::IteratorType;
  return {IteratorType::parallel,  IteratorType::parallel,
          IteratorType::reduction, IteratorType::reduction,
          IteratorType::reduction, IteratorType::parallel,
          IteratorType::parallel};
}

/// The maps of a grouped convolution's generic, over the loops above, of
/// `outPerGroup` output and `inPerGroup` input channels per group:
/// input[n, (o floordiv outPerGroup) * inPerGroup + c, y * sy + ky * dy,
/// x * sx + kx * dx], filter[o, c, ky, kx], output[n, o, y, x]; `strides`
/// and `dilations` are (y, x).
inline llvm::SmallVector<mlir::AffineMap>
groupedConvolutionMaps(mlir::MLIRContext *context, int64_t outPerGroup,
                       int64_t inPerGroup, llvm::ArrayRef<int64_t> strides,
                       llvm::ArrayRef<int64_t> dilations) {
  mlir::AffineExpr n, o, c, ky, kx, y, x;
  mlir::bindDims(context, n, o, c, ky, kx, y, x);
  return {mlir::AffineMap::get(7, 0,
                               {n, o.floorDiv(outPerGroup) * inPerGroup + c,
                                y * strides[0] + ky * dilations[0],
                                x * strides[1] + kx * dilations[1]},
                               context),
          mlir::AffineMap::get(7, 0, {o, c, ky, kx}, context),
          mlir::AffineMap::get(7, 0, {n, o, y, x}, context)};
}

} // namespace ghostc

#endif // GHOSTC_CONVERSION_GROUPEDCONVOLUTION_H
