//===- ConvertOps.cpp - ONNX operators to ghost ops -----------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// One converter per ONNX operator, and the operator table (at the end): the
// versions of each operator's schema that ghostc reads, opsets 1 to 21.
// Converters test Importer::version(), the schema version a node is read
// with, for what changed (attributes that became inputs, new defaults).
// Operators whose inputs are all known at
// compile time (shape subgraphs, Cast, Constant, ...) are folded here, so the
// ghost dialect never sees integer tensors.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace ghostc;
using namespace ghostc::import;
using llvm::SmallVector;
using llvm::StringRef;
using llvm::Twine;
using onnx::NodeProto;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Normalises a possibly negative `axis` for `rank`; std::nullopt (after an
/// error) when it is out of range.
std::optional<int64_t> normalizeAxis(Importer &im, int64_t axis, int64_t rank,
                                     StringRef what = "axis") {
  if (axis < -rank || axis >= rank) {
    (void)im.fail(Twine(what) + " " + Twine(axis) + " is out of range for rank " +
                  Twine(rank));
    return std::nullopt;
  }
  return axis < 0 ? axis + rank : axis;
}

/// Integer list from input `index` when `asInput` (the operator's opset takes
/// it as an input) or else from attribute `name`. The other form is an error:
/// silently ignoring it would import a different computation. `present`
/// tells whether the list was given.
std::optional<SmallVector<int64_t>> intsFrom(Importer &im, const NodeProto &node,
                                             int index, bool asInput,
                                             StringRef name, bool &present) {
  present = false;
  if (asInput && im.attr(node, name)) {
    (void)im.fail("'" + name + "' is input " + Twine(index) + " at opset " +
                  Twine(im.opset()) + ", not an attribute");
    return std::nullopt;
  }
  if (!asInput && Importer::hasInput(node, index)) {
    (void)im.fail("'" + name + "' is an attribute at opset " +
                  Twine(im.opset()) + ", not input " + Twine(index));
    return std::nullopt;
  }
  if (asInput) {
    if (!Importer::hasInput(node, index))
      return SmallVector<int64_t>();
    const KnownTensor *tensor = im.known(node, index);
    if (!tensor) {
      (void)im.fail("input " + Twine(index) + " ('" + name +
                    "') must be known at compile time");
      return std::nullopt;
    }
    present = true;
    std::vector<int64_t> ints = tensor->asInts();
    return SmallVector<int64_t>(ints.begin(), ints.end());
  }
  bool ok = true;
  std::optional<SmallVector<int64_t>> list = im.intsAttr(node, name, ok);
  if (!ok)
    return std::nullopt;
  present = list.has_value();
  return list ? *list : SmallVector<int64_t>();
}

/// Rejects extra outputs (MaxPool indices, Dropout mask, BatchNormalization
/// running statistics) that something in the graph actually uses.
LogicalResult onlyFirstOutput(Importer &im, const NodeProto &node) {
  for (int i = 1; i < node.output_size(); ++i)
    if (im.isUsed(node.output(i)))
      return im.fail("output " + Twine(i) + " ('" + node.output(i) +
                     "') is not supported; only the first output is");
  return success();
}

/// Spatial padding `[top, left, bottom, right]` from `pads` / `auto_pad`,
/// for a sliding window with the given kernel, strides and dilations.
std::optional<SmallVector<int64_t>>
resolvePads(Importer &im, const NodeProto &node, ArrayRef<int64_t> inputShape,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations, bool oneD) {
  std::optional<std::string> autoPad = im.stringAttr(node, "auto_pad", "NOTSET");
  if (!autoPad)
    return std::nullopt;
  bool ok = true;
  std::optional<SmallVector<int64_t>> pads = im.intsAttr(node, "pads", ok);
  if (!ok)
    return std::nullopt;
  if (*autoPad == "NOTSET") {
    if (!pads)
      return SmallVector<int64_t>(4, 0);
    size_t count = oneD ? 2 : 4;
    if (pads->size() != count ||
        llvm::any_of(*pads, [](int64_t p) { return p < 0; })) {
      (void)im.fail("pads must hold " + Twine(count) +
                    " non-negative values");
      return std::nullopt;
    }
    if (oneD)
      return SmallVector<int64_t>{0, (*pads)[0], 0, (*pads)[1]};
    return *pads;
  }
  if (*autoPad == "VALID")
    return SmallVector<int64_t>(4, 0);
  if (*autoPad != "SAME_UPPER" && *autoPad != "SAME_LOWER") {
    (void)im.fail("auto_pad '" + *autoPad + "' is not a valid value");
    return std::nullopt;
  }
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

/// A positive list attribute of one value per spatial axis (2, or 1 when
/// `oneD`), as a pair: {1, v} for one axis. Absent, {1, 1}; when `required`,
/// absent is an error.
std::optional<SmallVector<int64_t>> pairAttr(Importer &im, const NodeProto &node,
                                             StringRef name, bool oneD,
                                             bool required = false) {
  bool ok = true;
  std::optional<SmallVector<int64_t>> list = im.intsAttr(node, name, ok);
  if (!ok)
    return std::nullopt;
  size_t count = oneD ? 1 : 2;
  if (!list && !required)
    return SmallVector<int64_t>{1, 1};
  if (!list || list->size() != count ||
      llvm::any_of(*list, [](int64_t v) { return v <= 0; })) {
    (void)im.fail(Twine(name) + " must hold " + Twine(count) +
                  " positive value" + (oneD ? "" : "s") + ", one per axis");
    return std::nullopt;
  }
  if (oneD)
    return SmallVector<int64_t>{1, (*list)[0]};
  return *list;
}

/// Input `index` of a window operator (Conv, pooling): rank 4 (NCHW), or
/// rank 3 (NCW), which runs as NCHW with H = 1 (`oneD` set).
Value windowInput(Importer &im, const NodeProto &node, int index,
                  bool &oneD) {
  Value v = im.value(node, index);
  if (!v)
    return nullptr;
  ArrayRef<int64_t> shape = cast<RankedTensorType>(v.getType()).getShape();
  if (shape.size() != 3 && shape.size() != 4) {
    (void)im.fail("input " + Twine(index) + " must have rank 3 or 4 (ghostc "
                  "supports 1-D and 2-D windows, NCW and NCHW)");
    return nullptr;
  }
  oneD = shape.size() == 3;
  return oneD ? im.reshape(v, {shape[0], shape[1], 1, shape[2]}) : v;
}

/// Binds the node's result, dropping the unit H axis of a 1-D window.
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

/// Requires a rank-`rank` computed input.
Value valueOfRank(Importer &im, const NodeProto &node, int index,
                  int64_t rank) {
  Value v = im.value(node, index);
  if (v && cast<RankedTensorType>(v.getType()).getRank() != rank) {
    (void)im.fail("input " + Twine(index) + " must have rank " + Twine(rank) +
                  " (ghostc supports 2-D images in NCHW layout)");
    return nullptr;
  }
  return v;
}

LogicalResult defineResult(Importer &im, const NodeProto &node,
                           FailureOr<Value> result) {
  if (failed(result))
    return failure();
  im.define(node, 0, *result);
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution, normalisation, activations
//===----------------------------------------------------------------------===//

LogicalResult convertConv(Importer &im, const NodeProto &node) {
  bool oneD = false, weightOneD = false;
  Value input = windowInput(im, node, 0, oneD);
  Value weight = input ? windowInput(im, node, 1, weightOneD) : nullptr;
  if (!weight)
    return failure();
  if (weightOneD != oneD)
    return im.fail("the weight's rank differs from the input's");
  Value bias = Importer::hasInput(node, 2) ? im.value(node, 2) : nullptr;
  if (Importer::hasInput(node, 2) && !bias)
    return failure();
  auto weightShape = cast<RankedTensorType>(weight.getType()).getShape();
  std::optional<SmallVector<int64_t>> strides =
      pairAttr(im, node, "strides", oneD);
  std::optional<SmallVector<int64_t>> dilations =
      strides ? pairAttr(im, node, "dilations", oneD) : std::nullopt;
  std::optional<int64_t> group = im.intAttr(node, "group", 1);
  if (!dilations || !group)
    return failure();
  if (im.attr(node, "kernel_shape")) {
    std::optional<SmallVector<int64_t>> kernelShape =
        pairAttr(im, node, "kernel_shape", oneD);
    if (!kernelShape)
      return failure();
    if (ArrayRef<int64_t>(*kernelShape) != weightShape.drop_front(2))
      return im.fail("kernel_shape does not match the weight's shape");
  }
  std::optional<SmallVector<int64_t>> pads =
      resolvePads(im, node, cast<RankedTensorType>(input.getType()).getShape(),
                  weightShape.drop_front(2), *strides, *dilations, oneD);
  if (!pads)
    return failure();
  if (*group <= 0)
    return im.fail("group must be positive");
  return defineWindowResult(
      im, node,
      im.create<ghost::ConvOp>(input, weight, bias, *strides, *pads,
                               *dilations, *group, ghost::Activation::None),
      oneD);
}

LogicalResult convertBatchNorm(Importer &im, const NodeProto &node) {
  std::optional<float> epsilon = im.floatAttr(node, "epsilon", 1e-5f);
  std::optional<int64_t> training = im.intAttr(node, "training_mode", 0);
  // Before version 9, `spatial` = 0 normalised each activation on its own
  // (per-element statistics); 1, the default, is per channel.
  std::optional<int64_t> spatial = im.intAttr(node, "spatial", 1);
  // Before version 7, `is_test` = 0 (the default) normalised with the
  // batch's own statistics, as in training.
  std::optional<int64_t> isTest = im.intAttr(node, "is_test", 0);
  if (!epsilon || !training || !spatial || !isTest ||
      failed(onlyFirstOutput(im, node)))
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
    Value operand = im.value(node, i);
    if (!operand)
      return failure();
    operands.push_back(operand);
  }
  return defineResult(im, node,
                      im.create<ghost::BatchNormOp>(
                          operands[0], operands[1], operands[2], operands[3],
                          operands[4], llvm::APFloat(*epsilon)));
}

template <typename OpTy>
LogicalResult convertUnary(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  return defineResult(im, node, im.create<OpTy>(input));
}

LogicalResult convertClip(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  float lo = std::numeric_limits<float>::lowest();
  float hi = std::numeric_limits<float>::max();
  if (im.version() < 11 && Importer::numInputs(node) > 1)
    return im.fail("bounds are attributes before opset 11, not inputs");
  if (im.version() >= 11 && (im.attr(node, "min") || im.attr(node, "max")))
    return im.fail("bounds are inputs from opset 11, not attributes");
  if (im.version() < 11) {
    std::optional<float> min = im.floatAttr(node, "min", lo);
    std::optional<float> max = im.floatAttr(node, "max", hi);
    if (!min || !max)
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
    im.define(node, 0, input);
    return success();
  }
  return defineResult(im, node, im.create<ghost::ClipOp>(input, llvm::APFloat(lo),
                                                          llvm::APFloat(hi)));
}

LogicalResult convertHardSigmoid(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  std::optional<float> alpha = im.floatAttr(node, "alpha", 0.2f);
  std::optional<float> beta = im.floatAttr(node, "beta", 0.5f);
  if (!input || !alpha || !beta)
    return failure();
  return defineResult(im, node,
                      im.create<ghost::HardSigmoidOp>(
                          input, llvm::APFloat(*alpha), llvm::APFloat(*beta)));
}

LogicalResult convertLeakyRelu(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  std::optional<float> alpha = im.floatAttr(node, "alpha", 0.01f);
  if (!input || !alpha)
    return failure();
  return defineResult(im, node, im.create<ghost::LeakyReluOp>(input, llvm::APFloat(*alpha)));
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

/// Before version 7, element-wise operators broadcast only when asked
/// (`broadcast` = 1), and then only B to A's shape: B's axes line up with
/// A's from `axis` (by default its trailing axes). Returns B reshaped so
/// that multidirectional broadcasting means the same.
FailureOr<Value> legacyBroadcast(Importer &im, const NodeProto &node, Value a,
                                 Value b) {
  std::optional<int64_t> broadcast = im.intAttr(node, "broadcast", 0);
  if (!broadcast)
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
  std::optional<int64_t> axisAttr =
      im.intAttr(node, "axis", aRank - bRank);
  if (!axisAttr)
    return failure();
  std::optional<int64_t> axis = normalizeAxis(im, *axisAttr, aRank);
  if (!axis)
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
  Value l = im.value(node, 0);
  Value r = l ? im.value(node, 1) : nullptr;
  if (!r)
    return failure();
  if (im.version() < 7) {
    FailureOr<Value> aligned = legacyBroadcast(im, node, l, r);
    if (failed(aligned))
      return failure();
    r = *aligned;
  }
  return defineResult(im, node, im.create<OpTy>(l, r));
}

LogicalResult convertGemm(Importer &im, const NodeProto &node) {
  Value a = im.value(node, 0);
  Value b = a ? im.value(node, 1) : nullptr;
  if (!b)
    return failure();
  Value c = Importer::hasInput(node, 2) ? im.value(node, 2) : nullptr;
  if (Importer::hasInput(node, 2) && !c)
    return failure();
  std::optional<float> alpha = im.floatAttr(node, "alpha", 1.0f);
  std::optional<float> beta = im.floatAttr(node, "beta", 1.0f);
  std::optional<int64_t> transA = im.intAttr(node, "transA", 0);
  std::optional<int64_t> transB = im.intAttr(node, "transB", 0);
  if (!alpha || !beta || !transA || !transB)
    return failure();
  return defineResult(im, node,
                      im.create<ghost::GemmOp>(a, b, c, *transA != 0,
                                               *transB != 0, llvm::APFloat(*alpha),
                                               llvm::APFloat(*beta),
                                               ghost::Activation::None));
}

LogicalResult convertMatMul(Importer &im, const NodeProto &node) {
  Value lhs = im.value(node, 0);
  Value rhs = lhs ? im.value(node, 1) : nullptr;
  if (!rhs)
    return failure();
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

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

LogicalResult convertGlobalAveragePool(Importer &im, const NodeProto &node) {
  Value input = valueOfRank(im, node, 0, 4);
  if (!input)
    return failure();
  return defineResult(im, node, im.create<ghost::GlobalAveragePoolOp>(input));
}

template <bool IsMax>
LogicalResult convertPool(Importer &im, const NodeProto &node) {
  bool oneD = false;
  Value input = windowInput(im, node, 0, oneD);
  if (!input || failed(onlyFirstOutput(im, node)))
    return failure();
  std::optional<SmallVector<int64_t>> kernel =
      pairAttr(im, node, "kernel_shape", oneD, /*required=*/true);
  std::optional<SmallVector<int64_t>> strides =
      kernel ? pairAttr(im, node, "strides", oneD) : std::nullopt;
  std::optional<SmallVector<int64_t>> dilations =
      strides ? pairAttr(im, node, "dilations", oneD) : std::nullopt;
  std::optional<int64_t> ceilMode = im.intAttr(node, "ceil_mode", 0);
  if (!dilations || !ceilMode)
    return failure();
  std::optional<SmallVector<int64_t>> pads =
      resolvePads(im, node, cast<RankedTensorType>(input.getType()).getShape(),
                  *kernel, *strides, *dilations, oneD);
  if (!pads)
    return failure();
  if constexpr (IsMax) {
    return defineWindowResult(
        im, node,
        im.create<ghost::MaxPoolOp>(input, *kernel, *strides, *pads,
                                    *ceilMode != 0, *dilations),
        oneD);
  } else {
    std::optional<int64_t> countIncludePad =
        im.intAttr(node, "count_include_pad", 0);
    if (!countIncludePad)
      return failure();
    return defineWindowResult(
        im, node,
        im.create<ghost::AveragePoolOp>(input, *kernel, *strides, *pads,
                                        *ceilMode != 0, *countIncludePad != 0,
                                        *dilations),
        oneD);
  }
}

LogicalResult convertReduceMean(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
  bool present = false;
  std::optional<SmallVector<int64_t>> axes =
      intsFrom(im, node, 1, im.version() >= 18, "axes", present);
  std::optional<int64_t> keepdims = im.intAttr(node, "keepdims", 1);
  std::optional<int64_t> noopWithEmptyAxes =
      im.intAttr(node, "noop_with_empty_axes", 0);
  if (!axes || !keepdims || !noopWithEmptyAxes)
    return failure();
  if (axes->empty()) {
    if (*noopWithEmptyAxes) {
      im.define(node, 0, input);
      return success();
    }
    for (int64_t i = 0; i < rank; ++i)
      axes->push_back(i);
  }
  for (int64_t &axis : *axes) {
    std::optional<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (!normalized)
      return failure();
    axis = *normalized;
  }
  llvm::sort(*axes);
  axes->erase(std::unique(axes->begin(), axes->end()), axes->end());
  return defineResult(im, node,
                      im.create<ghost::ReduceMeanOp>(input, *axes,
                                                     *keepdims != 0));
}

LogicalResult convertSoftmax(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  auto shape = cast<RankedTensorType>(input.getType()).getShape();
  int64_t rank = shape.size();
  std::optional<int64_t> axisAttr =
      im.intAttr(node, "axis", im.version() >= 13 ? -1 : 1);
  if (!axisAttr)
    return failure();
  std::optional<int64_t> axis = normalizeAxis(im, *axisAttr, rank);
  if (!axis)
    return failure();
  if (im.version() >= 13 || *axis == rank - 1)
    return defineResult(im, node, im.create<ghost::SoftmaxOp>(input, *axis));
  // Before opset 13 Softmax normalises over the flattened trailing axes.
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < *axis ? outer : inner) *= shape[i];
  FailureOr<Value> softmax = im.create<ghost::SoftmaxOp>(
      im.reshape(input, {outer, inner}), int64_t(1));
  if (failed(softmax))
    return failure();
  im.define(node, 0, im.reshape(*softmax, shape));
  return success();
}

//===----------------------------------------------------------------------===//
// Shapes and data movement
//===----------------------------------------------------------------------===//

/// Defines the node's output as `input` reshaped to `shape`, folding when
/// the input is known.
LogicalResult defineReshaped(Importer &im, const NodeProto &node,
                             ArrayRef<int64_t> shape) {
  if (const KnownTensor *tensor = im.known(node, 0)) {
    KnownTensor reshaped = *tensor;
    reshaped.shape.assign(shape.begin(), shape.end());
    im.define(node, 0, std::move(reshaped));
    return success();
  }
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  im.define(node, 0, im.reshape(input, shape));
  return success();
}

LogicalResult convertReshape(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> inShape = im.shapeOf(node, 0);
  if (!inShape)
    return im.fail("input 0 is required");
  bool present = false;
  std::optional<SmallVector<int64_t>> target =
      intsFrom(im, node, 1, im.version() >= 5, "shape", present);
  std::optional<int64_t> allowZero = im.intAttr(node, "allowzero", 0);
  if (!target || !allowZero)
    return failure();
  if (!present)
    return im.fail("the target shape is missing");
  int64_t inferred = -1, known = 1;
  for (auto [axis, dim] : llvm::enumerate(*target)) {
    if (dim == 0 && !*allowZero) {
      if (axis >= inShape->size())
        return im.fail("shape entry 0 on axis " + Twine(axis) +
                       " has no input dimension to copy");
      dim = (*inShape)[axis];
    }
    if (dim == -1) {
      if (inferred >= 0)
        return im.fail("shape has more than one -1");
      inferred = axis;
      continue;
    }
    if (dim < 0)
      return im.fail("shape has the invalid dimension " + Twine(dim));
    known = checkedNumElements({known, dim});
    if (known < 0)
      return im.fail("shape is absurdly large");
  }
  int64_t total = checkedNumElements(*inShape);
  if (inferred >= 0) {
    if (known == 0 || total % known != 0)
      return im.fail("cannot infer the -1 dimension: " + Twine(total) +
                     " elements do not divide by " + Twine(known));
    (*target)[inferred] = total / known;
  } else if (known != total) {
    return im.fail("cannot reshape " + Twine(total) + " elements into " +
                   Twine(known));
  }
  return defineReshaped(im, node, *target);
}

LogicalResult convertFlatten(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  std::optional<int64_t> axisAttr = im.intAttr(node, "axis", 1);
  if (!shape || !axisAttr)
    return failure();
  int64_t rank = shape->size();
  // Flatten's axis may equal the rank.
  if (*axisAttr < -rank || *axisAttr > rank)
    return im.fail("axis " + Twine(*axisAttr) + " is out of range");
  int64_t axis = *axisAttr < 0 ? *axisAttr + rank : *axisAttr;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < axis ? outer : inner) *= (*shape)[i];
  return defineReshaped(im, node, {outer, inner});
}

LogicalResult convertSqueeze(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (!shape)
    return im.fail("input 0 is required");
  int64_t rank = shape->size();
  bool present = false;
  std::optional<SmallVector<int64_t>> axes =
      intsFrom(im, node, 1, im.version() >= 13, "axes", present);
  if (!axes)
    return failure();
  SmallVector<bool> drop(rank, false);
  if (!present) {
    for (int64_t i = 0; i < rank; ++i)
      drop[i] = (*shape)[i] == 1;
  }
  for (int64_t axis : *axes) {
    std::optional<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (!normalized)
      return failure();
    if ((*shape)[*normalized] != 1)
      return im.fail("cannot squeeze axis " + Twine(axis) + " of size " +
                     Twine((*shape)[*normalized]));
    drop[*normalized] = true;
  }
  SmallVector<int64_t> result;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop[i])
      result.push_back((*shape)[i]);
  return defineReshaped(im, node, result);
}

LogicalResult convertUnsqueeze(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (!shape)
    return im.fail("input 0 is required");
  bool present = false;
  std::optional<SmallVector<int64_t>> axes =
      intsFrom(im, node, 1, im.version() >= 13, "axes", present);
  if (!axes)
    return failure();
  if (!present || axes->empty())
    return im.fail("axes are required");
  int64_t rank = shape->size() + axes->size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t axis : *axes) {
    std::optional<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (!normalized)
      return failure();
    if (inserted[*normalized])
      return im.fail("axis " + Twine(axis) + " is repeated");
    inserted[*normalized] = true;
  }
  SmallVector<int64_t> result;
  for (int64_t i = 0, next = 0; i < rank; ++i)
    result.push_back(inserted[i] ? 1 : (*shape)[next++]);
  return defineReshaped(im, node, result);
}

LogicalResult convertTranspose(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (!shape)
    return im.fail("input 0 is required");
  int64_t rank = shape->size();
  bool ok = true;
  std::optional<SmallVector<int64_t>> perm = im.intsAttr(node, "perm", ok);
  if (!ok)
    return failure();
  if (!perm) {
    perm.emplace();
    for (int64_t i = rank - 1; i >= 0; --i)
      perm->push_back(i);
  }
  if (const KnownTensor *tensor = im.known(node, 0)) {
    SmallVector<int64_t> sorted(*perm);
    llvm::sort(sorted);
    if (static_cast<int64_t>(perm->size()) != rank ||
        llvm::any_of(llvm::enumerate(sorted),
                     [](auto e) { return e.value() != int64_t(e.index()); }))
      return im.fail("perm must be a permutation of the axes");
    SmallVector<int64_t> outShape, inStrides = stridesOf(*shape);
    for (int64_t axis : *perm)
      outShape.push_back((*shape)[axis]);
    SmallVector<int64_t> outStrides = stridesOf(outShape);
    std::vector<int64_t> indices(tensor->numElements());
    for (int64_t flat = 0; flat < tensor->numElements(); ++flat) {
      int64_t source = 0;
      for (int64_t i = 0; i < rank; ++i)
        source += (flat / outStrides[i]) % outShape[i] * inStrides[(*perm)[i]];
      indices[flat] = source;
    }
    im.define(node, 0, tensor->gathered(outShape, indices));
    return success();
  }
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  return defineResult(im, node, im.create<ghost::TransposeOp>(input, *perm));
}

LogicalResult convertConcat(Importer &im, const NodeProto &node) {
  int count = Importer::numInputs(node);
  if (count == 0)
    return im.fail("needs at least one input");
  // Version 1 concatenates along axis 1 by default; from 4 it is required.
  if (im.version() >= 4 && !im.attr(node, "axis"))
    return im.fail("the 'axis' attribute is required");
  std::optional<int64_t> axisAttr = im.intAttr(node, "axis", 1);
  std::optional<SmallVector<int64_t>> firstShape = im.shapeOf(node, 0);
  if (!axisAttr || !firstShape)
    return failure();
  std::optional<int64_t> axis =
      normalizeAxis(im, *axisAttr, firstShape->size());
  if (!axis)
    return failure();

  bool allKnown = true;
  for (int i = 0; i < count; ++i)
    allKnown &= im.known(node, i) != nullptr;
  if (allKnown) {
    // Shape vectors (and other constants) concatenate at compile time.
    SmallVector<int64_t> shape = *firstShape;
    shape[*axis] = 0;
    bool isFloat = false;
    for (int i = 0; i < count; ++i) {
      const KnownTensor *t = im.known(node, i);
      isFloat |= t->isFloat();
      if (t->shape.size() != shape.size())
        return im.fail("inputs differ in rank");
      for (size_t d = 0; d < shape.size(); ++d)
        if (d != static_cast<size_t>(*axis) && t->shape[d] != shape[d])
          return im.fail("inputs differ on axis " + Twine(d));
      shape[*axis] += t->shape[*axis];
    }
    int64_t outer = 1;
    for (int64_t d = 0; d < *axis; ++d)
      outer *= shape[d];
    KnownTensor result;
    result.kind = isFloat ? KnownTensor::Kind::Float : KnownTensor::Kind::Int;
    result.shape = shape;
    for (int64_t o = 0; o < outer; ++o) {
      for (int i = 0; i < count; ++i) {
        KnownTensor part = im.known(node, i)->convertedTo(result.kind);
        int64_t chunk = outer ? part.numElements() / outer : 0;
        if (isFloat)
          result.floats.insert(result.floats.end(),
                               part.floats.begin() + o * chunk,
                               part.floats.begin() + (o + 1) * chunk);
        else
          result.ints.insert(result.ints.end(), part.ints.begin() + o * chunk,
                             part.ints.begin() + (o + 1) * chunk);
      }
    }
    im.define(node, 0, std::move(result));
    return success();
  }
  SmallVector<Value> inputs;
  for (int i = 0; i < count; ++i) {
    Value v = im.value(node, i);
    if (!v)
      return failure();
    inputs.push_back(v);
  }
  return defineResult(im, node, im.create<ghost::ConcatOp>(inputs, *axis));
}

/// Per-axis start, size and step of an ONNX Slice after clamping.
struct SliceWindow {
  SmallVector<int64_t> starts, sizes, steps;
};

/// Resolves ONNX Slice's starts/ends/axes/steps (negative indices, clamping,
/// negative steps) against `shape`.
std::optional<SliceWindow> resolveSlice(Importer &im, ArrayRef<int64_t> shape,
                                        ArrayRef<int64_t> starts,
                                        ArrayRef<int64_t> ends,
                                        std::optional<SmallVector<int64_t>> axes,
                                        std::optional<SmallVector<int64_t>> steps) {
  int64_t rank = shape.size();
  SliceWindow window;
  window.starts.assign(rank, 0);
  window.sizes.assign(shape.begin(), shape.end());
  window.steps.assign(rank, 1);
  if (starts.size() != ends.size() || (axes && axes->size() != starts.size()) ||
      (steps && steps->size() != starts.size())) {
    (void)im.fail("starts, ends, axes and steps must have one length");
    return std::nullopt;
  }
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    std::optional<int64_t> axis =
        normalizeAxis(im, axes ? (*axes)[i] : int64_t(i), rank);
    if (!axis)
      return std::nullopt;
    if (seen[*axis]) {
      (void)im.fail("axis " + Twine(*axis) + " is sliced twice");
      return std::nullopt;
    }
    seen[*axis] = true;
    int64_t step = steps ? (*steps)[i] : 1;
    if (step == 0) {
      (void)im.fail("slice step must not be 0");
      return std::nullopt;
    }
    int64_t dim = shape[*axis];
    // A step longer than the axis takes at most one element: shortening it
    // to the axis length keeps the result and keeps the arithmetic below
    // from overflowing (INT64_MIN has no positive counterpart).
    int64_t longest = std::max<int64_t>(dim, 1);
    step = std::clamp(step, -longest, longest);
    // Clamp in a way that cannot overflow for INT64_MIN / INT64_MAX bounds.
    auto resolve = [dim](int64_t index, int64_t lo, int64_t hi) {
      if (index < 0)
        index = index < -dim ? -1 - dim : index;
      if (index < 0)
        index += dim;
      return std::clamp(index, lo, hi);
    };
    int64_t start, end;
    if (step > 0) {
      start = resolve(starts[i], 0, dim);
      end = resolve(ends[i], 0, dim);
    } else {
      start = resolve(starts[i], 0, dim - 1);
      end = resolve(ends[i], -1, dim - 1);
    }
    int64_t span = step > 0 ? end - start : start - end;
    int64_t stride = step > 0 ? step : -step;
    int64_t size = span <= 0 || dim == 0 ? 0 : (span + stride - 1) / stride;
    window.starts[*axis] = size == 0 ? 0 : start;
    window.sizes[*axis] = size;
    window.steps[*axis] = step;
  }
  return window;
}

LogicalResult convertSlice(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (!shape)
    return im.fail("input 0 is required");
  bool hasStarts = false, hasEnds = false, hasAxes = false, hasSteps = false;
  bool inputs = im.version() >= 10;
  std::optional<SmallVector<int64_t>> starts =
      intsFrom(im, node, 1, inputs, "starts", hasStarts);
  std::optional<SmallVector<int64_t>> ends =
      starts ? intsFrom(im, node, 2, inputs, "ends", hasEnds)
             : std::nullopt;
  std::optional<SmallVector<int64_t>> axes =
      ends ? intsFrom(im, node, 3, inputs, "axes", hasAxes)
           : std::nullopt;
  std::optional<SmallVector<int64_t>> steps =
      axes ? intsFrom(im, node, 4, inputs, "steps", hasSteps)
           : std::nullopt;
  if (!steps)
    return failure();
  if (!hasStarts || !hasEnds)
    return im.fail("starts and ends are required");
  std::optional<SliceWindow> window = resolveSlice(
      im, *shape, *starts, *ends, hasAxes ? axes : std::nullopt,
      hasSteps ? steps : std::nullopt);
  if (!window)
    return failure();

  if (const KnownTensor *tensor = im.known(node, 0)) {
    SmallVector<int64_t> strides = stridesOf(*shape);
    int64_t count = checkedNumElements(window->sizes);
    std::vector<int64_t> indices;
    SmallVector<int64_t> outStrides = stridesOf(window->sizes);
    for (int64_t flat = 0; flat < count; ++flat) {
      int64_t source = 0;
      for (size_t d = 0; d < shape->size(); ++d)
        source += (window->starts[d] +
                   (flat / outStrides[d]) % window->sizes[d] *
                       window->steps[d]) *
                  strides[d];
      indices.push_back(source);
    }
    im.define(node, 0, tensor->gathered(window->sizes, indices));
    return success();
  }
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  return defineResult(im, node,
                      im.create<ghost::SliceOp>(input, window->starts,
                                                window->sizes, window->steps));
}

LogicalResult convertPad(Importer &im, const NodeProto &node) {
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
  bool present = false;
  // Version 1 calls the attribute `paddings`.
  std::optional<SmallVector<int64_t>> pads =
      intsFrom(im, node, 1, im.version() >= 11,
               im.version() >= 2 ? "pads" : "paddings", present);
  std::optional<std::string> modeName = im.stringAttr(node, "mode", "constant");
  if (!pads || !modeName)
    return failure();
  float padValue = 0.0f;
  if (im.version() >= 11 && im.attr(node, "value"))
    return im.fail("the pad value is input 2 from opset 11, not an attribute");
  if (im.version() >= 11) {
    if (Importer::hasInput(node, 2)) {
      const KnownTensor *v = im.known(node, 2);
      if (!v || v->numElements() != 1)
        return im.fail("constant_value must be a scalar known at compile time");
      padValue = static_cast<float>(v->at(0));
    }
  } else {
    std::optional<float> v = im.floatAttr(node, "value", 0.0f);
    if (!v)
      return failure();
    padValue = *v;
  }
  if (im.version() >= 18 && Importer::hasInput(node, 3)) {
    // Pads given for a subset of axes: spread them over all axes.
    bool axesPresent = false;
    std::optional<SmallVector<int64_t>> axes =
        intsFrom(im, node, 3, true, "axes", axesPresent);
    if (!axes)
      return failure();
    if (pads->size() != 2 * axes->size())
      return im.fail("pads must hold two values per listed axis");
    SmallVector<int64_t> full(2 * rank, 0);
    for (auto [i, axis] : llvm::enumerate(*axes)) {
      std::optional<int64_t> a = normalizeAxis(im, axis, rank);
      if (!a)
        return failure();
      full[*a] = (*pads)[i];
      full[rank + *a] = (*pads)[axes->size() + i];
    }
    pads = full;
  }
  if (static_cast<int64_t>(pads->size()) != 2 * rank)
    return im.fail("pads must hold " + Twine(2 * rank) + " values");
  if (llvm::any_of(*pads, [](int64_t p) { return p < 0; }))
    return im.fail("negative pads (cropping) are not supported");
  std::optional<ghost::PadMode> mode =
      llvm::StringSwitch<std::optional<ghost::PadMode>>(*modeName)
          .Case("constant", ghost::PadMode::Constant)
          .Case("reflect", ghost::PadMode::Reflect)
          .Case("edge", ghost::PadMode::Edge)
          .Default(std::nullopt);
  if (!mode)
    return im.fail("pad mode '" + *modeName + "' is not supported");
  return defineResult(im, node,
                      im.create<ghost::PadOp>(input, *mode, *pads,
                                                 llvm::APFloat(padValue)));
}

LogicalResult convertResize(Importer &im, const NodeProto &node) {
  Value input = valueOfRank(im, node, 0, 4);
  if (!input)
    return failure();
  auto shape = cast<RankedTensorType>(input.getType()).getShape();
  std::optional<std::string> mode = im.stringAttr(node, "mode", "nearest");
  // Opset 10 had no coordinate_transformation_mode: it behaved asymmetrically.
  std::optional<std::string> transform = im.stringAttr(
      node, "coordinate_transformation_mode",
      im.version() >= 11 ? "half_pixel" : "asymmetric");
  // Resize-10 had no nearest_mode: it took the floor, as Upsample did.
  std::optional<std::string> nearest = im.stringAttr(
      node, "nearest_mode", im.version() >= 11 ? "round_prefer_floor" : "floor");
  std::optional<std::string> aspect =
      im.stringAttr(node, "keep_aspect_ratio_policy", "stretch");
  if (aspect && *aspect != "stretch")
    return im.fail("keep_aspect_ratio_policy '" + *aspect +
                   "' is not supported; only 'stretch' is");
  std::optional<int64_t> excludeOutside = im.intAttr(node, "exclude_outside", 0);
  std::optional<int64_t> antialias = im.intAttr(node, "antialias", 0);
  if (!mode || !transform || !nearest || !excludeOutside || !antialias)
    return failure();
  if (im.attr(node, "axes"))
    return im.fail("the axes attribute is not supported");
  if (*excludeOutside || *antialias)
    return im.fail("exclude_outside and antialias are not supported");

  // Opset 10: (X, scales). Opset 11+: (X, roi, scales, sizes).
  int scalesIndex = im.version() >= 11 ? 2 : 1, sizesIndex = 3;
  SmallVector<float> scales;
  SmallVector<int64_t> outShape;
  const KnownTensor *scalesTensor = im.known(node, scalesIndex);
  const KnownTensor *sizesTensor =
      im.version() >= 11 ? im.known(node, sizesIndex) : nullptr;
  if (Importer::hasInput(node, scalesIndex) && !scalesTensor)
    return im.fail("scales must be known at compile time");
  if (Importer::hasInput(node, sizesIndex) && im.version() >= 11 && !sizesTensor)
    return im.fail("sizes must be known at compile time");
  if (scalesTensor && scalesTensor->numElements() > 0) {
    if (scalesTensor->numElements() != 4)
      return im.fail("scales must hold 4 values");
    for (int64_t i = 0; i < 4; ++i) {
      float s = static_cast<float>(scalesTensor->at(i));
      if (!(s > 0.0f))
        return im.fail("scales must be positive");
      scales.push_back(s);
      // Checked as a double first: a huge scale would overflow int64.
      double size = std::floor(shape[i] * double(s));
      if (!(size <= double(kMaxElements)))
        return im.fail("the output size is invalid");
      outShape.push_back(static_cast<int64_t>(size));
    }
  } else if (sizesTensor && sizesTensor->numElements() == 4) {
    for (int64_t i = 0; i < 4; ++i) {
      int64_t size = sizesTensor->asInts()[i];
      if (size <= 0)
        return im.fail("sizes must be positive");
      outShape.push_back(size);
      scales.push_back(static_cast<float>(double(size) / double(shape[i])));
    }
  } else {
    return im.fail("needs 4 scales or 4 sizes known at compile time");
  }
  if (outShape[0] != shape[0] || outShape[1] != shape[1])
    return im.fail("only the two spatial axes may be resized");
  if (llvm::any_of(outShape, [](int64_t d) { return d <= 0; }) ||
      checkedNumElements(outShape) < 0)
    return im.fail("the output size is invalid");

  std::optional<ghost::ResizeMode> resizeMode =
      llvm::StringSwitch<std::optional<ghost::ResizeMode>>(*mode)
          .Case("nearest", ghost::ResizeMode::Nearest)
          .Case("linear", ghost::ResizeMode::Linear)
          .Default(std::nullopt);
  std::optional<ghost::CoordinateTransform> coord =
      ghost::symbolizeCoordinateTransform(*transform);
  std::optional<ghost::NearestMode> nearestMode =
      ghost::symbolizeNearestMode(*nearest);
  if (!resizeMode)
    return im.fail("resize mode '" + *mode + "' is not supported");
  if (!coord)
    return im.fail("coordinate_transformation_mode '" + *transform +
                   "' is not supported");
  if (!nearestMode)
    return im.fail("nearest_mode '" + *nearest + "' is not supported");
  auto type = RankedTensorType::get(outShape, im.getBuilder().getF32Type());
  im.define(node, 0,
            ghost::ResizeOp::create(im.getBuilder(), im.loc(), type, input,
                                    *resizeMode, *coord, *nearestMode,
                                    ArrayRef<float>(scales).drop_front(2)));
  return success();
}

//===----------------------------------------------------------------------===//
// Operators folded at compile time
//===----------------------------------------------------------------------===//

LogicalResult convertIdentity(Importer &im, const NodeProto &node) {
  if (failed(onlyFirstOutput(im, node)))
    return failure();
  // Dropout-12's training_mode input: inference only.
  if (node.op_type() == "Dropout" && Importer::hasInput(node, 2)) {
    const KnownTensor *training = im.known(node, 2);
    if (!training || training->numElements() != 1 || training->at(0) != 0)
      return im.fail("training_mode must be a constant false: ghostc "
                     "compiles inference");
  }
  if (const KnownTensor *tensor = im.known(node, 0)) {
    im.define(node, 0, *tensor);
    return success();
  }
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  im.define(node, 0, input);
  return success();
}

LogicalResult convertShape(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  std::optional<int64_t> startAttr = im.intAttr(node, "start", 0);
  std::optional<int64_t> endAttr =
      im.intAttr(node, "end", std::numeric_limits<int64_t>::max());
  if (!shape)
    return im.fail("input 0 is required");
  if (!startAttr || !endAttr)
    return failure();
  int64_t rank = shape->size();
  auto clampIndex = [rank](int64_t i) {
    if (i < 0)
      i = i < -rank ? 0 : i + rank;
    return std::min(i, rank);
  };
  int64_t start = clampIndex(*startAttr), end = clampIndex(*endAttr);
  std::vector<int64_t> dims;
  for (int64_t i = start; i < end; ++i)
    dims.push_back((*shape)[i]);
  int64_t count = dims.size();
  im.define(node, 0, KnownTensor::ofInts({count}, std::move(dims)));
  return success();
}

LogicalResult convertGather(Importer &im, const NodeProto &node) {
  std::optional<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  const KnownTensor *indices = im.known(node, 1);
  std::optional<int64_t> axisAttr = im.intAttr(node, "axis", 0);
  if (!shape || !axisAttr)
    return failure();
  if (!indices)
    return im.fail("indices must be known at compile time");
  int64_t rank = shape->size();
  std::optional<int64_t> axis = normalizeAxis(im, *axisAttr, rank);
  if (!axis)
    return failure();
  int64_t dim = (*shape)[*axis];
  std::vector<int64_t> idx = indices->asInts();
  for (int64_t &i : idx) {
    if (i < -dim || i >= dim)
      return im.fail("index " + Twine(i) + " is out of range for size " +
                     Twine(dim));
    if (i < 0)
      i += dim;
  }
  // Output shape: data.shape[:axis] + indices.shape + data.shape[axis+1:].
  SmallVector<int64_t> outShape(shape->begin(), shape->begin() + *axis);
  outShape.append(indices->shape.begin(), indices->shape.end());
  outShape.append(shape->begin() + *axis + 1, shape->end());
  if (checkedNumElements(outShape) < 0)
    return im.fail("the result is too large");

  if (const KnownTensor *data = im.known(node, 0)) {
    SmallVector<int64_t> strides = stridesOf(*shape);
    int64_t outer = 1, inner = strides[*axis];
    for (int64_t d = 0; d < *axis; ++d)
      outer *= (*shape)[d];
    std::vector<int64_t> flat;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i : idx)
        for (int64_t in = 0; in < inner; ++in)
          flat.push_back(o * dim * inner + i * inner + in);
    im.define(node, 0, data->gathered(outShape, flat));
    return success();
  }
  // A run-time tensor: each index is a one-element slice on the axis.
  Value data = im.value(node, 0);
  if (!data)
    return failure();
  SmallVector<Value> pieces;
  for (int64_t i : idx) {
    SmallVector<int64_t> starts(rank, 0), sizes(*shape), steps(rank, 1);
    starts[*axis] = i;
    sizes[*axis] = 1;
    FailureOr<Value> piece =
        im.create<ghost::SliceOp>(data, starts, sizes, steps);
    if (failed(piece))
      return failure();
    pieces.push_back(*piece);
  }
  if (pieces.empty())
    return im.fail("empty indices are not supported on run-time tensors");
  Value joined = pieces.front();
  if (pieces.size() > 1) {
    FailureOr<Value> concat = im.create<ghost::ConcatOp>(pieces, *axis);
    if (failed(concat))
      return failure();
    joined = *concat;
  }
  im.define(node, 0, im.reshape(joined, outShape));
  return success();
}

LogicalResult convertCast(Importer &im, const NodeProto &node) {
  if (!im.attr(node, "to"))
    return im.fail("the 'to' attribute is required");
  std::optional<int64_t> to;
  if (im.version() < 6) {
    // Version 1 names the type: "FLOAT", "INT64", ...
    std::optional<std::string> name = im.stringAttr(node, "to", "");
    if (!name)
      return failure();
    onnx::TensorProto_DataType type;
    if (!onnx::TensorProto_DataType_Parse(*name, &type))
      return im.fail("'to' names no ONNX type: '" + *name + "'");
    to = type;
  } else {
    to = im.intAttr(node, "to", 0);
  }
  if (!to)
    return failure();
  bool toFloat = *to == onnx::TensorProto::FLOAT ||
                 *to == onnx::TensorProto::DOUBLE ||
                 *to == onnx::TensorProto::FLOAT16 ||
                 *to == onnx::TensorProto::BFLOAT16;
  if (const KnownTensor *tensor = im.known(node, 0)) {
    KnownTensor cast = tensor->convertedTo(toFloat ? KnownTensor::Kind::Float
                                                   : KnownTensor::Kind::Int);
    // Any non-zero value is true, 0.3 included: test before truncating.
    if (*to == onnx::TensorProto::BOOL)
      for (int64_t i = 0, e = tensor->numElements(); i < e; ++i)
        cast.ints[i] = tensor->at(i) != 0;
    im.define(node, 0, std::move(cast));
    return success();
  }
  if (*to != onnx::TensorProto::FLOAT)
    return im.fail("casting a run-time tensor to anything but float is not "
                   "supported");
  Value input = im.value(node, 0);
  if (!input)
    return failure();
  im.define(node, 0, input);
  return success();
}

LogicalResult convertConstant(Importer &im, const NodeProto &node) {
  if (node.attribute_size() != 1)
    return im.fail("needs exactly one value attribute");
  const onnx::AttributeProto &a = node.attribute(0);
  if (a.name() == "value") {
    llvm::Expected<KnownTensor> tensor = im.decodeTensor(a.t());
    if (!tensor)
      return im.fail(llvm::toString(tensor.takeError()));
    im.define(node, 0, std::move(*tensor));
  } else if (a.name() == "value_float") {
    im.define(node, 0, KnownTensor::ofFloats({}, {a.f()}));
  } else if (a.name() == "value_floats") {
    int64_t n = a.floats_size();
    im.define(node, 0, KnownTensor::ofFloats(
                           {n}, std::vector<float>(a.floats().begin(),
                                                   a.floats().end())));
  } else if (a.name() == "value_int") {
    im.define(node, 0, KnownTensor::ofInts({}, {a.i()}));
  } else if (a.name() == "value_ints") {
    int64_t n = a.ints_size();
    im.define(node, 0, KnownTensor::ofInts(
                           {n}, std::vector<int64_t>(a.ints().begin(),
                                                     a.ints().end())));
  } else {
    return im.fail("the '" + a.name() + "' form of Constant is not supported");
  }
  return success();
}

LogicalResult convertConstantOfShape(Importer &im, const NodeProto &node) {
  const KnownTensor *shapeTensor = im.known(node, 0);
  if (!shapeTensor)
    return im.fail("the shape must be known at compile time");
  std::vector<int64_t> dims = shapeTensor->asInts();
  SmallVector<int64_t> shape(dims.begin(), dims.end());
  int64_t count = checkedNumElements(shape);
  if (count < 0)
    return im.fail("the shape is invalid or absurdly large");
  KnownTensor fill = KnownTensor::ofFloats({1}, {0.0f});
  if (const onnx::AttributeProto *a = im.attr(node, "value")) {
    llvm::Expected<KnownTensor> value = im.decodeTensor(a->t());
    if (!value)
      return im.fail(llvm::toString(value.takeError()));
    if (value->numElements() != 1)
      return im.fail("value must hold one element");
    fill = std::move(*value);
  }
  KnownTensor result = fill.isFloat()
                           ? KnownTensor::ofFloats(
                                 shape, std::vector<float>(count, fill.floats[0]))
                           : KnownTensor::ofInts(
                                 shape, std::vector<int64_t>(count, fill.ints[0]));
  im.define(node, 0, std::move(result));
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// The operator table
//===----------------------------------------------------------------------===//

namespace {

/// An ONNX operator ghostc imports: the versions of its schema (the opsets
/// that changed it) that it reads, from the first, and what the converter
/// accepts of them. A model of opset N reads each node with the latest
/// version <= N; before the first, the operator is not supported.
struct Operator {
  StringRef opType;
  std::initializer_list<int64_t> versions;
  NodeConverter convert;
  StringRef limits;
};

const Operator kOperators[] = {
    {"Add", {1, 6, 7, 13, 14}, convertBinary<ghost::AddOp, '+'>,
     "float tensors; multidirectional broadcasting (before version 7, "
     "`broadcast` with `axis`)"},
    {"AveragePool", {1, 7, 10, 11, 19}, convertPool</*IsMax=*/false>,
     "1-D or 2-D; pads, strides, dilations, `auto_pad`, `ceil_mode`, "
     "`count_include_pad`"},
    {"BatchNormalization", {1, 6, 7, 9, 14, 15}, convertBatchNorm,
     "inference: `training_mode` 0 (before version 7 `is_test` 1, before 9 "
     "`spatial` 1); the first output only"},
    {"Cast", {1, 6, 9, 13, 19, 21}, convertCast,
     "float to float; integer casts of compile-time values"},
    {"Clip", {1, 6, 11, 12, 13}, convertClip,
     "bounds known at compile time (attributes before version 11)"},
    {"Concat", {1, 4, 11, 13}, convertConcat, "any axis"},
    {"Constant", {1, 9, 11, 12, 13, 19, 21}, convertConstant,
     "`value`, `value_float(s)`, `value_int(s)`"},
    {"ConstantOfShape", {9, 20, 21}, convertConstantOfShape,
     "shape known at compile time"},
    {"Conv", {1, 11}, convertConv,
     "1-D or 2-D; groups, strides, dilations, pads, `auto_pad`"},
    {"Div", {1, 6, 7, 13, 14}, convertBinary<ghost::DivOp, '/'>,
     "as Add"},
    {"Dropout", {1, 6, 7, 10, 12, 13}, convertIdentity,
     "inference: the identity; the first output only"},
    {"Flatten", {1, 9, 11, 13, 21}, convertFlatten, "any axis"},
    {"Gather", {1, 11, 13}, convertGather,
     "compile-time values (shape computations)"},
    {"Gemm", {1, 6, 7, 9, 11, 13}, convertGemm,
     "`alpha`, `beta`, `transA`, `transB`; C broadcast to the result"},
    {"GlobalAveragePool", {1}, convertGlobalAveragePool, "2-D"},
    {"HardSigmoid", {1, 6}, convertHardSigmoid, "`alpha`, `beta`"},
    {"HardSwish", {14}, convertUnary<ghost::HardSwishOp>, ""},
    {"Identity", {1, 13, 14, 16, 19, 21}, convertIdentity, "tensors"},
    {"LeakyRelu", {1, 6, 16}, convertLeakyRelu, "`alpha`"},
    {"MatMul", {1, 9, 13}, convertMatMul,
     "1-D operands promoted as the standard says"},
    {"MaxPool", {1, 8, 10, 11, 12}, convertPool</*IsMax=*/true>,
     "1-D or 2-D; pads, strides, dilations, `auto_pad`, `ceil_mode`; not the "
     "indices output"},
    {"Mul", {1, 6, 7, 13, 14}, convertBinary<ghost::MulOp, '*'>, "as Add"},
    {"Pad", {1, 2, 11, 13, 18, 19, 21}, convertPad,
     "constant mode; pads (and axes) known at compile time"},
    {"ReduceMean", {1, 11, 13, 18}, convertReduceMean,
     "axes known at compile time"},
    {"Relu", {1, 6, 13, 14}, convertUnary<ghost::ReluOp>, ""},
    {"Reshape", {1, 5, 13, 14, 19, 21}, convertReshape,
     "shape known at compile time; `allowzero`"},
    {"Resize", {10, 11, 13, 18, 19}, convertResize,
     "nearest and linear on the two spatial axes; scales or sizes known at "
     "compile time"},
    {"Shape", {1, 13, 15, 19, 21}, convertShape, "`start`, `end`"},
    {"Sigmoid", {1, 6, 13}, convertUnary<ghost::SigmoidOp>, ""},
    {"Slice", {1, 10, 11, 13}, convertSlice,
     "starts, ends, axes and steps known at compile time"},
    {"Softmax", {1, 11, 13}, convertSoftmax, "any axis"},
    {"Squeeze", {1, 11, 13, 21}, convertSqueeze,
     "axes known at compile time"},
    {"Sub", {1, 6, 7, 13, 14}, convertBinary<ghost::SubOp, '-'>, "as Add"},
    {"Transpose", {1, 13, 21}, convertTranspose, "any permutation"},
    {"Unsqueeze", {1, 11, 13, 21}, convertUnsqueeze,
     "axes known at compile time"},
};

} // namespace

std::optional<OperatorVersion>
ghostc::import::lookupOperator(StringRef opType, int64_t opset) {
  for (const Operator &op : kOperators) {
    if (op.opType != opType)
      continue;
    std::optional<OperatorVersion> found;
    for (int64_t version : op.versions)
      if (version <= opset)
        found = OperatorVersion{op.convert, version};
    return found;
  }
  return std::nullopt;
}

void ghostc::forEachSupportedOperator(
    llvm::function_ref<void(const SupportedOperator &)> callback) {
  for (const Operator &op : kOperators)
    callback(SupportedOperator{op.opType,
                               ArrayRef<int64_t>(op.versions.begin(),
                                                 op.versions.end()),
                               op.limits});
}
