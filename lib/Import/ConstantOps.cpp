//===- ConstantOps.cpp - operators folded at compile time -----------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Converters of the operators that only shape computations use (Shape,
// Gather, Cast, Constant, ConstantOfShape) and Identity: they fold on known
// tensors, so the ghost dialect never sees integer tensors.
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
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  im.define(node, 0, *input);
  return success();
}

LogicalResult convertShape(Importer &im, const NodeProto &node) {
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  FailureOr<int64_t> startAttr = im.intAttr(node, "start", 0);
  if (failed(startAttr))
    return failure();
  FailureOr<int64_t> endAttr =
      im.intAttr(node, "end", std::numeric_limits<int64_t>::max());
  if (failed(endAttr))
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
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  FailureOr<int64_t> axisAttr = im.intAttr(node, "axis", 0);
  if (failed(axisAttr))
    return failure();
  const KnownTensor *indices = im.known(node, 1);
  if (!indices)
    return im.fail("indices must be known at compile time");
  int64_t rank = shape->size();
  FailureOr<int64_t> axis = normalizeAxis(im, *axisAttr, rank);
  if (failed(axis))
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
  FailureOr<Value> data = im.value(node, 0);
  if (failed(data))
    return failure();
  SmallVector<Value> pieces;
  for (int64_t i : idx) {
    SmallVector<int64_t> starts(rank, 0), sizes(*shape), steps(rank, 1);
    starts[*axis] = i;
    sizes[*axis] = 1;
    FailureOr<Value> piece =
        im.create<ghost::SliceOp>(*data, starts, sizes, steps);
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
  FailureOr<int64_t> to = failure();
  if (im.version() < 6) {
    // Version 1 names the type: "FLOAT", "INT64", ...
    FailureOr<std::string> name = im.stringAttr(node, "to", "");
    if (failed(name))
      return failure();
    onnx::TensorProto_DataType type;
    if (!onnx::TensorProto_DataType_Parse(*name, &type))
      return im.fail("'to' names no ONNX type: '" + *name + "'");
    to = int64_t(type);
  } else {
    to = im.intAttr(node, "to", 0);
  }
  if (failed(to))
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
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  im.define(node, 0, *input);
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

} // namespace ghostc::import
