//===- ReductionOps.cpp - Gemm, MatMul, ReduceMean, Softmax ---------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Converters of the operators that reduce along an axis: the matrix
// products, ReduceMean and Softmax.
//
//===----------------------------------------------------------------------===//

#include "Converters.h"

using namespace mlir;
using namespace ghostc;
using namespace ghostc::import;
using llvm::SmallVector;
using llvm::StringRef;
using llvm::Twine;
using onnx::NodeProto;

namespace ghostc::import {

LogicalResult convertGemm(Importer &im, const NodeProto &node) {
  FailureOr<Value> a = im.value(node, 0);
  if (failed(a))
    return failure();
  FailureOr<Value> b = im.value(node, 1);
  if (failed(b))
    return failure();
  FailureOr<Value> c = optionalValue(im, node, 2);
  if (failed(c))
    return failure();
  FailureOr<float> alpha = im.floatAttr(node, "alpha", 1.0f);
  if (failed(alpha))
    return failure();
  FailureOr<float> beta = im.floatAttr(node, "beta", 1.0f);
  if (failed(beta))
    return failure();
  FailureOr<int64_t> transA = im.intAttr(node, "transA", 0);
  if (failed(transA))
    return failure();
  FailureOr<int64_t> transB = im.intAttr(node, "transB", 0);
  if (failed(transB))
    return failure();
  return defineResult(im, node,
                      im.create<ghost::GemmOp>(*a, *b, *c, *transA != 0,
                                               *transB != 0, llvm::APFloat(*alpha),
                                               llvm::APFloat(*beta),
                                               ghost::Activation::None));
}

LogicalResult convertMatMul(Importer &im, const NodeProto &node) {
  FailureOr<Value> lhsInput = im.value(node, 0);
  if (failed(lhsInput))
    return failure();
  FailureOr<Value> rhsInput = im.value(node, 1);
  if (failed(rhsInput))
    return failure();
  Value lhs = *lhsInput, rhs = *rhsInput;
  // ONNX promotes 1-D operands to matrices and drops the added axis after.
  auto lhsShape = cast<RankedTensorType>(lhs.getType()).getShape();
  auto rhsShape = cast<RankedTensorType>(rhs.getType()).getShape();
  if (lhsShape.empty() || rhsShape.empty())
    return im.fail("MatMul operands must have rank 1 or more");
  bool lhsVector = lhsShape.size() == 1, rhsVector = rhsShape.size() == 1;
  if (lhsVector)
    lhs = im.reshape(lhs, {1, lhsShape[0]});
  if (rhsVector)
    rhs = im.reshape(rhs, {rhsShape[0], 1});
  FailureOr<Value> product = im.create<ghost::MatMulOp>(lhs, rhs);
  if (failed(product))
    return failure();
  SmallVector<int64_t> shape(
      cast<RankedTensorType>(product->getType()).getShape());
  if (rhsVector)
    shape.pop_back();
  if (lhsVector)
    shape.erase(shape.end() - (rhsVector ? 1 : 2));
  im.define(node, 0, im.reshape(*product, shape));
  return success();
}

LogicalResult convertReduceMean(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  int64_t rank = cast<RankedTensorType>(input->getType()).getRank();
  FailureOr<std::optional<SmallVector<int64_t>>> given =
      intsFrom(im, node, 1, im.version() >= 18, "axes");
  if (failed(given))
    return failure();
  FailureOr<int64_t> keepdims = im.intAttr(node, "keepdims", 1);
  if (failed(keepdims))
    return failure();
  FailureOr<int64_t> noopWithEmptyAxes =
      im.intAttr(node, "noop_with_empty_axes", 0);
  if (failed(noopWithEmptyAxes))
    return failure();
  SmallVector<int64_t> axes = given->value_or(SmallVector<int64_t>());
  if (axes.empty()) {
    if (*noopWithEmptyAxes) {
      im.define(node, 0, *input);
      return success();
    }
    for (int64_t i = 0; i < rank; ++i)
      axes.push_back(i);
  }
  for (int64_t &axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (failed(normalized))
      return failure();
    axis = *normalized;
  }
  llvm::sort(axes);
  axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
  return defineResult(im, node,
                      im.create<ghost::ReduceMeanOp>(*input, axes,
                                                     *keepdims != 0));
}

LogicalResult convertSoftmax(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  auto shape = cast<RankedTensorType>(input->getType()).getShape();
  int64_t rank = shape.size();
  FailureOr<int64_t> axisAttr =
      im.intAttr(node, "axis", im.version() >= 13 ? -1 : 1);
  if (failed(axisAttr))
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(im, *axisAttr, rank);
  if (failed(axis))
    return failure();
  if (im.version() >= 13 || *axis == rank - 1)
    return defineResult(im, node, im.create<ghost::SoftmaxOp>(*input, *axis));
  // Before opset 13 Softmax normalises over the flattened trailing axes.
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < *axis ? outer : inner) *= shape[i];
  FailureOr<Value> softmax = im.create<ghost::SoftmaxOp>(
      im.reshape(*input, {outer, inner}), int64_t(1));
  if (failed(softmax))
    return failure();
  im.define(node, 0, im.reshape(*softmax, shape));
  return success();
}

} // namespace ghostc::import
