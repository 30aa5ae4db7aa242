//===- ElementwiseOps.cpp - activations and arithmetic --------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Converters of the element-wise operators: activations and the four
// arithmetic operators, which fold when both operands are known at compile
// time (shape arithmetic).
//
//===----------------------------------------------------------------------===//

#include "Converters.h"

#include "llvm/Support/FormatVariadic.h"

#include <limits>

using namespace mlir;
using namespace ghostc;
using namespace ghostc::import;
using llvm::SmallVector;
using llvm::StringRef;
using llvm::Twine;
using onnx::NodeProto;

namespace {

template <typename OpTy>
LogicalResult convertUnary(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  return defineResult(im, node, im.create<OpTy>(*input));
}

/// Before version 7, element-wise operators broadcast only when asked
/// (`broadcast` = 1), and then only B to A's shape: B's axes line up with
/// A's from `axis` (by default its trailing axes). Returns B reshaped so
/// that multidirectional broadcasting means the same.
FailureOr<Value> legacyBroadcast(Importer &im, const NodeProto &node, Value a,
                                 Value b) {
  FailureOr<int64_t> broadcast = im.intAttr(node, "broadcast", 0);
  if (failed(broadcast))
    return failure();
  ArrayRef<int64_t> aShape = cast<RankedTensorType>(a.getType()).getShape();
  ArrayRef<int64_t> bShape = cast<RankedTensorType>(b.getType()).getShape();
  if (*broadcast == 0) {
    if (aShape != bShape)
      return im.fail("the operands' shapes differ and 'broadcast' is not set");
    return b;
  }
  int64_t aRank = aShape.size(), bRank = bShape.size();
  if (bRank > aRank)
    return im.fail("with 'broadcast', B may not have more axes than A");
  FailureOr<int64_t> axisAttr = im.intAttr(node, "axis", aRank - bRank);
  if (failed(axisAttr))
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(im, *axisAttr, aRank);
  if (failed(axis))
    return failure();
  if (*axis + bRank > aRank)
    return im.fail("B's axes from 'axis' " + Twine(*axis) +
                   " run past A's rank " + Twine(aRank));
  for (int64_t i = 0; i < bRank; ++i)
    if (bShape[i] != 1 && bShape[i] != aShape[*axis + i])
      return im.fail("B's axis " + Twine(i) + " does not match A's axis " +
                     Twine(*axis + i));
  SmallVector<int64_t> shape(bShape);
  shape.append(aRank - *axis - bRank, 1);
  return im.reshape(b, shape);
}

template <typename OpTy, char Symbol>
LogicalResult convertBinary(Importer &im, const NodeProto &node) {
  const KnownTensor *lhs = im.known(node, 0);
  const KnownTensor *rhs = im.known(node, 1);
  // Shape arithmetic (and any other all-constant arithmetic) folds here.
  if (lhs && rhs) {
    llvm::Expected<KnownTensor> folded = foldBinary(Symbol, *lhs, *rhs);
    if (!folded)
      return im.fail(llvm::toString(folded.takeError()));
    im.define(node, 0, std::move(*folded));
    return success();
  }
  FailureOr<Value> lhsInput = im.value(node, 0);
  if (failed(lhsInput))
    return failure();
  FailureOr<Value> rhsInput = im.value(node, 1);
  if (failed(rhsInput))
    return failure();
  Value l = *lhsInput, r = *rhsInput;
  if (im.version() < 7) {
    FailureOr<Value> aligned = legacyBroadcast(im, node, l, r);
    if (failed(aligned))
      return failure();
    r = *aligned;
  }
  return defineResult(im, node, im.create<OpTy>(l, r));
}

} // namespace

namespace ghostc::import {

LogicalResult convertClip(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  float lo = std::numeric_limits<float>::lowest();
  float hi = std::numeric_limits<float>::max();
  if (im.version() < 11 && Importer::numInputs(node) > 1)
    return im.fail("bounds are attributes before opset 11, not inputs");
  if (im.version() >= 11 && (im.attr(node, "min") || im.attr(node, "max")))
    return im.fail("bounds are inputs from opset 11, not attributes");
  if (im.version() < 11) {
    FailureOr<float> min = im.floatAttr(node, "min", lo);
    if (failed(min))
      return failure();
    FailureOr<float> max = im.floatAttr(node, "max", hi);
    if (failed(max))
      return failure();
    lo = *min;
    hi = *max;
  } else {
    for (int index : {1, 2}) {
      if (!Importer::hasInput(node, index))
        continue;
      const KnownTensor *bound = im.known(node, index);
      if (!bound || bound->numElements() != 1)
        return im.fail("the " + Twine(index == 1 ? "min" : "max") +
                       " bound must be a scalar known at compile time");
      (index == 1 ? lo : hi) = static_cast<float>(bound->at(0));
    }
  }
  if (!(lo <= hi)) // Also catches NaN bounds.
    return im.fail(llvm::formatv("bounds must be numbers with min <= max, got "
                                 "min {0} and max {1}",
                                 lo, hi));
  if (lo == std::numeric_limits<float>::lowest() &&
      hi == std::numeric_limits<float>::max()) {
    im.define(node, 0, *input);
    return success();
  }
  return defineResult(im, node, im.create<ghost::ClipOp>(*input, llvm::APFloat(lo),
                                                          llvm::APFloat(hi)));
}

LogicalResult convertHardSigmoid(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  FailureOr<float> alpha = im.floatAttr(node, "alpha", 0.2f);
  if (failed(alpha))
    return failure();
  FailureOr<float> beta = im.floatAttr(node, "beta", 0.5f);
  if (failed(beta))
    return failure();
  return defineResult(im, node,
                      im.create<ghost::HardSigmoidOp>(
                          *input, llvm::APFloat(*alpha), llvm::APFloat(*beta)));
}

LogicalResult convertLeakyRelu(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  FailureOr<float> alpha = im.floatAttr(node, "alpha", 0.01f);
  if (failed(alpha))
    return failure();
  return defineResult(
      im, node, im.create<ghost::LeakyReluOp>(*input, llvm::APFloat(*alpha)));
}

LogicalResult convertRelu(Importer &im, const NodeProto &node) {
  return convertUnary<ghost::ReluOp>(im, node);
}

LogicalResult convertSigmoid(Importer &im, const NodeProto &node) {
  return convertUnary<ghost::SigmoidOp>(im, node);
}

LogicalResult convertHardSwish(Importer &im, const NodeProto &node) {
  return convertUnary<ghost::HardSwishOp>(im, node);
}

LogicalResult convertAdd(Importer &im, const NodeProto &node) {
  return convertBinary<ghost::AddOp, '+'>(im, node);
}

LogicalResult convertSub(Importer &im, const NodeProto &node) {
  return convertBinary<ghost::SubOp, '-'>(im, node);
}

LogicalResult convertMul(Importer &im, const NodeProto &node) {
  return convertBinary<ghost::MulOp, '*'>(im, node);
}

LogicalResult convertDiv(Importer &im, const NodeProto &node) {
  return convertBinary<ghost::DivOp, '/'>(im, node);
}

} // namespace ghostc::import
