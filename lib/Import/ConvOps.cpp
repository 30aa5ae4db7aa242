//===- ConvOps.cpp - Conv, BatchNormalization, pooling --------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Converters of the window operators: Conv, BatchNormalization (folded
// later), and the pooling operators. 1-D windows (NCW) run as 2-D ones with
// H = 1.
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

namespace {

template <bool IsMax>
LogicalResult convertPool(Importer &im, const NodeProto &node) {
  bool oneD = false;
  FailureOr<Value> input = windowInput(im, node, 0, oneD);
  if (failed(input) || failed(onlyFirstOutput(im, node)))
    return failure();
  FailureOr<SmallVector<int64_t>> kernel =
      pairAttr(im, node, "kernel_shape", oneD, /*required=*/true);
  if (failed(kernel))
    return failure();
  FailureOr<SmallVector<int64_t>> strides =
      pairAttr(im, node, "strides", oneD);
  if (failed(strides))
    return failure();
  FailureOr<SmallVector<int64_t>> dilations =
      pairAttr(im, node, "dilations", oneD);
  if (failed(dilations))
    return failure();
  FailureOr<int64_t> ceilMode = im.intAttr(node, "ceil_mode", 0);
  if (failed(ceilMode))
    return failure();
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(im, node, cast<RankedTensorType>(input->getType()).getShape(),
                  *kernel, *strides, *dilations, oneD);
  if (failed(pads))
    return failure();
  if constexpr (IsMax) {
    return defineWindowResult(
        im, node,
        im.create<ghost::MaxPoolOp>(*input, *kernel, *strides, *pads,
                                    *ceilMode != 0, *dilations),
        oneD);
  } else {
    FailureOr<int64_t> countIncludePad =
        im.intAttr(node, "count_include_pad", 0);
    if (failed(countIncludePad))
      return failure();
    return defineWindowResult(
        im, node,
        im.create<ghost::AveragePoolOp>(*input, *kernel, *strides, *pads,
                                        *ceilMode != 0, *countIncludePad != 0,
                                        *dilations),
        oneD);
  }
}

} // namespace

namespace ghostc::import {

LogicalResult convertConv(Importer &im, const NodeProto &node) {
  bool oneD = false, weightOneD = false;
  FailureOr<Value> input = windowInput(im, node, 0, oneD);
  if (failed(input))
    return failure();
  FailureOr<Value> weight = windowInput(im, node, 1, weightOneD);
  if (failed(weight))
    return failure();
  if (weightOneD != oneD)
    return im.fail("the weight's rank differs from the input's");
  FailureOr<Value> bias = optionalValue(im, node, 2);
  if (failed(bias))
    return failure();
  auto weightShape = cast<RankedTensorType>(weight->getType()).getShape();
  FailureOr<SmallVector<int64_t>> strides =
      pairAttr(im, node, "strides", oneD);
  if (failed(strides))
    return failure();
  FailureOr<SmallVector<int64_t>> dilations =
      pairAttr(im, node, "dilations", oneD);
  if (failed(dilations))
    return failure();
  FailureOr<int64_t> group = im.intAttr(node, "group", 1);
  if (failed(group))
    return failure();
  if (im.attr(node, "kernel_shape")) {
    FailureOr<SmallVector<int64_t>> kernelShape =
        pairAttr(im, node, "kernel_shape", oneD);
    if (failed(kernelShape))
      return failure();
    if (ArrayRef<int64_t>(*kernelShape) != weightShape.drop_front(2))
      return im.fail("kernel_shape does not match the weight's shape");
  }
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(im, node, cast<RankedTensorType>(input->getType()).getShape(),
                  weightShape.drop_front(2), *strides, *dilations, oneD);
  if (failed(pads))
    return failure();
  if (*group <= 0)
    return im.fail("group must be positive");
  return defineWindowResult(
      im, node,
      im.create<ghost::ConvOp>(*input, *weight, *bias, *strides, *pads,
                               *dilations, *group, ghost::Activation::None),
      oneD);
}

LogicalResult convertBatchNorm(Importer &im, const NodeProto &node) {
  FailureOr<float> epsilon = im.floatAttr(node, "epsilon", 1e-5f);
  if (failed(epsilon))
    return failure();
  FailureOr<int64_t> training = im.intAttr(node, "training_mode", 0);
  if (failed(training))
    return failure();
  // Before version 9, `spatial` = 0 normalised each activation on its own
  // (per-element statistics); 1, the default, is per channel.
  FailureOr<int64_t> spatial = im.intAttr(node, "spatial", 1);
  if (failed(spatial))
    return failure();
  // Before version 7, `is_test` = 0 (the default) normalised with the
  // batch's own statistics, as in training.
  FailureOr<int64_t> isTest = im.intAttr(node, "is_test", 0);
  if (failed(isTest) || failed(onlyFirstOutput(im, node)))
    return failure();
  if (im.version() < 7 && *isTest == 0)
    return im.fail("is_test = 0 (training: the batch's statistics) is not "
                   "supported; ghostc compiles inference");
  if (*training != 0)
    return im.fail("training_mode must be 0: ghostc compiles inference");
  if (im.version() < 9 && *spatial != 1)
    return im.fail("spatial = 0 (per-activation statistics) is not "
                   "supported");
  SmallVector<Value> operands;
  for (int i = 0; i < 5; ++i) {
    FailureOr<Value> operand = im.value(node, i);
    if (failed(operand))
      return failure();
    operands.push_back(*operand);
  }
  return defineResult(im, node,
                      im.create<ghost::BatchNormOp>(
                          operands[0], operands[1], operands[2], operands[3],
                          operands[4], llvm::APFloat(*epsilon)));
}

LogicalResult convertGlobalAveragePool(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = valueOfRank(im, node, 0, 4);
  if (failed(input))
    return failure();
  return defineResult(im, node, im.create<ghost::GlobalAveragePoolOp>(*input));
}

LogicalResult convertMaxPool(Importer &im, const NodeProto &node) {
  return convertPool</*IsMax=*/true>(im, node);
}

LogicalResult convertAveragePool(Importer &im, const NodeProto &node) {
  return convertPool</*IsMax=*/false>(im, node);
}

} // namespace ghostc::import
