//===- Converters.cpp - what the converters share -------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Helpers of the operator converters: axes, attribute and input lists,
// window attributes, results.
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

FailureOr<int64_t> normalizeAxis(Importer &im, int64_t axis, int64_t rank,
                                 StringRef what) {
  if (axis < -rank || axis >= rank)
    return im.fail(Twine(what) + " " + Twine(axis) +
                   " is out of range for rank " + Twine(rank));
  return axis < 0 ? axis + rank : axis;
}

FailureOr<std::optional<SmallVector<int64_t>>>
intsFrom(Importer &im, const NodeProto &node, int index, bool asInput,
         StringRef name) {
  if (asInput && im.attr(node, name))
    return im.fail("'" + name + "' is input " + Twine(index) + " at opset " +
                   Twine(im.opset()) + ", not an attribute");
  if (!asInput && Importer::hasInput(node, index))
    return im.fail("'" + name + "' is an attribute at opset " +
                   Twine(im.opset()) + ", not input " + Twine(index));
  if (!asInput)
    return im.intsAttr(node, name);
  if (!Importer::hasInput(node, index))
    return std::optional<SmallVector<int64_t>>();
  const KnownTensor *tensor = im.known(node, index);
  if (!tensor)
    return im.fail("input " + Twine(index) + " ('" + name +
                   "') must be known at compile time");
  std::vector<int64_t> ints = tensor->asInts();
  return std::optional<SmallVector<int64_t>>(
      SmallVector<int64_t>(ints.begin(), ints.end()));
}

LogicalResult onlyFirstOutput(Importer &im, const NodeProto &node) {
  for (int i = 1; i < node.output_size(); ++i)
    if (im.isUsed(node.output(i)))
      return im.fail("output " + Twine(i) + " ('" + node.output(i) +
                     "') is not supported; only the first output is");
  return success();
}

FailureOr<SmallVector<int64_t>>
resolvePads(Importer &im, const NodeProto &node, ArrayRef<int64_t> inputShape,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations, bool oneD) {
  FailureOr<std::string> autoPad = im.stringAttr(node, "auto_pad", "NOTSET");
  if (failed(autoPad))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> pads =
      im.intsAttr(node, "pads");
  if (failed(pads))
    return failure();
  if (*autoPad == "NOTSET") {
    if (!*pads)
      return SmallVector<int64_t>(4, 0);
    const SmallVector<int64_t> &list = **pads;
    size_t count = oneD ? 2 : 4;
    if (list.size() != count ||
        llvm::any_of(list, [](int64_t p) { return p < 0; }))
      return im.fail("pads must hold " + Twine(count) +
                     " non-negative values");
    if (oneD)
      return SmallVector<int64_t>{0, list[0], 0, list[1]};
    return list;
  }
  if (*autoPad == "VALID")
    return SmallVector<int64_t>(4, 0);
  if (*autoPad != "SAME_UPPER" && *autoPad != "SAME_LOWER")
    return im.fail("auto_pad '" + *autoPad + "' is not a valid value");
  SmallVector<int64_t> result(4, 0);
  for (int axis = 0; axis < 2; ++axis) {
    int64_t in = inputShape[2 + axis];
    int64_t out = (in + strides[axis] - 1) / strides[axis];
    int64_t total = std::max<int64_t>(
        (out - 1) * strides[axis] + (kernel[axis] - 1) * dilations[axis] + 1 -
            in,
        0);
    int64_t small = total / 2, large = total - total / 2;
    bool upper = *autoPad == "SAME_UPPER";
    result[axis] = upper ? small : large;
    result[2 + axis] = upper ? large : small;
  }
  return result;
}

FailureOr<SmallVector<int64_t>> pairAttr(Importer &im, const NodeProto &node,
                                         StringRef name, bool oneD,
                                         bool required) {
  FailureOr<std::optional<SmallVector<int64_t>>> list =
      im.intsAttr(node, name);
  if (failed(list))
    return failure();
  size_t count = oneD ? 1 : 2;
  if (!*list && !required)
    return SmallVector<int64_t>{1, 1};
  if (!*list || (*list)->size() != count ||
      llvm::any_of(**list, [](int64_t v) { return v <= 0; }))
    return im.fail(Twine(name) + " must hold " + Twine(count) +
                   " positive value" + (oneD ? "" : "s") + ", one per axis");
  if (oneD)
    return SmallVector<int64_t>{1, (**list)[0]};
  return **list;
}

FailureOr<Value> windowInput(Importer &im, const NodeProto &node, int index,
                             bool &oneD) {
  FailureOr<Value> v = im.value(node, index);
  if (failed(v))
    return failure();
  ArrayRef<int64_t> shape = cast<RankedTensorType>(v->getType()).getShape();
  if (shape.size() != 3 && shape.size() != 4)
    return im.fail("input " + Twine(index) + " must have rank 3 or 4 (ghostc "
                   "supports 1-D and 2-D windows, NCW and NCHW)");
  oneD = shape.size() == 3;
  return oneD ? im.reshape(*v, {shape[0], shape[1], 1, shape[2]}) : *v;
}

FailureOr<Value> optionalValue(Importer &im, const NodeProto &node,
                               int index) {
  if (!Importer::hasInput(node, index))
    return Value();
  return im.value(node, index);
}

LogicalResult defineWindowResult(Importer &im, const NodeProto &node,
                                 FailureOr<Value> result, bool oneD) {
  if (failed(result))
    return failure();
  Value value = *result;
  if (oneD) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(value.getType()).getShape();
    value = im.reshape(value, {shape[0], shape[1], shape[3]});
  }
  im.define(node, 0, value);
  return success();
}

FailureOr<Value> valueOfRank(Importer &im, const NodeProto &node, int index,
                             int64_t rank) {
  FailureOr<Value> v = im.value(node, index);
  if (succeeded(v) && cast<RankedTensorType>(v->getType()).getRank() != rank)
    return im.fail("input " + Twine(index) + " must have rank " + Twine(rank) +
                   " (ghostc supports 2-D images in NCHW layout)");
  return v;
}

LogicalResult defineResult(Importer &im, const NodeProto &node,
                           FailureOr<Value> result) {
  if (failed(result))
    return failure();
  im.define(node, 0, *result);
  return success();
}

} // namespace ghostc::import
