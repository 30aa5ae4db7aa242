//===- ShapeOps.cpp - reshapes, slices, padding, resizing -----------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Converters of the operators that move data: reshapes, Transpose, Concat,
// Slice, Pad and Resize. Known (compile-time) inputs fold here.
//
//===----------------------------------------------------------------------===//

#include "Converters.h"

#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace ghostc;
using namespace ghostc::import;
using llvm::SmallVector;
using llvm::StringRef;
using llvm::Twine;
using onnx::NodeProto;

namespace {

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
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  im.define(node, 0, im.reshape(*input, shape));
  return success();
}

/// Per-axis start, size and step of an ONNX Slice after clamping.
struct SliceWindow {
  SmallVector<int64_t> starts, sizes, steps;
};

/// Resolves ONNX Slice's starts/ends/axes/steps (negative indices, clamping,
/// negative steps) against `shape`.
FailureOr<SliceWindow>
resolveSlice(Importer &im, ArrayRef<int64_t> shape, ArrayRef<int64_t> starts,
             ArrayRef<int64_t> ends,
             const std::optional<SmallVector<int64_t>> &axes,
             const std::optional<SmallVector<int64_t>> &steps) {
  int64_t rank = shape.size();
  SliceWindow window;
  window.starts.assign(rank, 0);
  window.sizes.assign(shape.begin(), shape.end());
  window.steps.assign(rank, 1);
  if (starts.size() != ends.size() || (axes && axes->size() != starts.size()) ||
      (steps && steps->size() != starts.size()))
    return im.fail("starts, ends, axes and steps must have one length");
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    FailureOr<int64_t> axis =
        normalizeAxis(im, axes ? (*axes)[i] : int64_t(i), rank);
    if (failed(axis))
      return failure();
    if (seen[*axis])
      return im.fail("axis " + Twine(*axis) + " is sliced twice");
    seen[*axis] = true;
    int64_t step = steps ? (*steps)[i] : 1;
    if (step == 0)
      return im.fail("slice step must not be 0");
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

} // namespace

namespace ghostc::import {

LogicalResult convertReshape(Importer &im, const NodeProto &node) {
  FailureOr<SmallVector<int64_t>> inShape = im.shapeOf(node, 0);
  if (failed(inShape))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> given =
      intsFrom(im, node, 1, im.version() >= 5, "shape");
  if (failed(given))
    return failure();
  FailureOr<int64_t> allowZero = im.intAttr(node, "allowzero", 0);
  if (failed(allowZero))
    return failure();
  if (!*given)
    return im.fail("the target shape is missing");
  std::optional<SmallVector<int64_t>> &target = *given;
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
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  FailureOr<int64_t> axisAttr = im.intAttr(node, "axis", 1);
  if (failed(axisAttr))
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
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  int64_t rank = shape->size();
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      intsFrom(im, node, 1, im.version() >= 13, "axes");
  if (failed(axes))
    return failure();
  SmallVector<bool> drop(rank, false);
  if (!*axes) {
    for (int64_t i = 0; i < rank; ++i)
      drop[i] = (*shape)[i] == 1;
  }
  for (int64_t axis : axes->value_or(SmallVector<int64_t>())) {
    FailureOr<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (failed(normalized))
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
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> given =
      intsFrom(im, node, 1, im.version() >= 13, "axes");
  if (failed(given))
    return failure();
  if (!*given || (*given)->empty())
    return im.fail("axes are required");
  const SmallVector<int64_t> &axes = **given;
  int64_t rank = shape->size() + axes.size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(im, axis, rank);
    if (failed(normalized))
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
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  int64_t rank = shape->size();
  FailureOr<std::optional<SmallVector<int64_t>>> given =
      im.intsAttr(node, "perm");
  if (failed(given))
    return failure();
  std::optional<SmallVector<int64_t>> &perm = *given;
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
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  return defineResult(im, node, im.create<ghost::TransposeOp>(*input, *perm));
}

LogicalResult convertConcat(Importer &im, const NodeProto &node) {
  int count = Importer::numInputs(node);
  if (count == 0)
    return im.fail("needs at least one input");
  // Version 1 concatenates along axis 1 by default; from 4 it is required.
  if (im.version() >= 4 && !im.attr(node, "axis"))
    return im.fail("the 'axis' attribute is required");
  FailureOr<int64_t> axisAttr = im.intAttr(node, "axis", 1);
  if (failed(axisAttr))
    return failure();
  FailureOr<SmallVector<int64_t>> firstShape = im.shapeOf(node, 0);
  if (failed(firstShape))
    return failure();
  FailureOr<int64_t> axis = normalizeAxis(im, *axisAttr, firstShape->size());
  if (failed(axis))
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
    FailureOr<Value> v = im.value(node, i);
    if (failed(v))
      return failure();
    inputs.push_back(*v);
  }
  return defineResult(im, node, im.create<ghost::ConcatOp>(inputs, *axis));
}

LogicalResult convertSlice(Importer &im, const NodeProto &node) {
  FailureOr<SmallVector<int64_t>> shape = im.shapeOf(node, 0);
  if (failed(shape))
    return failure();
  bool inputs = im.version() >= 10;
  // starts, ends, axes, steps: inputs 1 to 4, or attributes before version 10.
  static constexpr StringLiteral kNames[] = {"starts", "ends", "axes",
                                              "steps"};
  SmallVector<std::optional<SmallVector<int64_t>>, 4> lists;
  for (auto [index, name] : llvm::enumerate(kNames)) {
    FailureOr<std::optional<SmallVector<int64_t>>> list =
        intsFrom(im, node, index + 1, inputs, name);
    if (failed(list))
      return failure();
    lists.push_back(std::move(*list));
  }
  if (!lists[0] || !lists[1])
    return im.fail("starts and ends are required");
  FailureOr<SliceWindow> window =
      resolveSlice(im, *shape, *lists[0], *lists[1], lists[2], lists[3]);
  if (failed(window))
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
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  return defineResult(im, node,
                      im.create<ghost::SliceOp>(*input, window->starts,
                                                window->sizes, window->steps));
}

LogicalResult convertPad(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = im.value(node, 0);
  if (failed(input))
    return failure();
  int64_t rank = cast<RankedTensorType>(input->getType()).getRank();
  // Version 1 calls the attribute `paddings`.
  FailureOr<std::optional<SmallVector<int64_t>>> given =
      intsFrom(im, node, 1, im.version() >= 11,
               im.version() >= 2 ? "pads" : "paddings");
  if (failed(given))
    return failure();
  SmallVector<int64_t> pads = given->value_or(SmallVector<int64_t>());
  FailureOr<std::string> modeName = im.stringAttr(node, "mode", "constant");
  if (failed(modeName))
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
    FailureOr<float> v = im.floatAttr(node, "value", 0.0f);
    if (failed(v))
      return failure();
    padValue = *v;
  }
  if (im.version() >= 18 && Importer::hasInput(node, 3)) {
    // Pads given for a subset of axes: spread them over all axes.
    FailureOr<std::optional<SmallVector<int64_t>>> axesGiven =
        intsFrom(im, node, 3, true, "axes");
    if (failed(axesGiven))
      return failure();
    SmallVector<int64_t> axes = axesGiven->value_or(SmallVector<int64_t>());
    if (pads.size() != 2 * axes.size())
      return im.fail("pads must hold two values per listed axis");
    SmallVector<int64_t> full(2 * rank, 0);
    for (auto [i, axis] : llvm::enumerate(axes)) {
      FailureOr<int64_t> a = normalizeAxis(im, axis, rank);
      if (failed(a))
        return failure();
      full[*a] = pads[i];
      full[rank + *a] = pads[axes.size() + i];
    }
    pads = full;
  }
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return im.fail("pads must hold " + Twine(2 * rank) + " values");
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
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
                      im.create<ghost::PadOp>(*input, *mode, pads,
                                                 llvm::APFloat(padValue)));
}

LogicalResult convertResize(Importer &im, const NodeProto &node) {
  FailureOr<Value> input = valueOfRank(im, node, 0, 4);
  if (failed(input))
    return failure();
  auto shape = cast<RankedTensorType>(input->getType()).getShape();
  FailureOr<std::string> mode = im.stringAttr(node, "mode", "nearest");
  if (failed(mode))
    return failure();
  // Opset 10 had no coordinate_transformation_mode: it behaved asymmetrically.
  FailureOr<std::string> transform = im.stringAttr(
      node, "coordinate_transformation_mode",
      im.version() >= 11 ? "half_pixel" : "asymmetric");
  if (failed(transform))
    return failure();
  // Resize-10 had no nearest_mode: it took the floor, as Upsample did.
  FailureOr<std::string> nearest = im.stringAttr(
      node, "nearest_mode", im.version() >= 11 ? "round_prefer_floor" : "floor");
  if (failed(nearest))
    return failure();
  FailureOr<std::string> aspect =
      im.stringAttr(node, "keep_aspect_ratio_policy", "stretch");
  if (failed(aspect))
    return failure();
  if (*aspect != "stretch")
    return im.fail("keep_aspect_ratio_policy '" + *aspect +
                   "' is not supported; only 'stretch' is");
  FailureOr<int64_t> excludeOutside = im.intAttr(node, "exclude_outside", 0);
  if (failed(excludeOutside))
    return failure();
  FailureOr<int64_t> antialias = im.intAttr(node, "antialias", 0);
  if (failed(antialias))
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
            ghost::ResizeOp::create(im.getBuilder(), im.loc(), type, *input,
                                    *resizeMode, *coord, *nearestMode,
                                    ArrayRef<float>(scales).drop_front(2)));
  return success();
}

} // namespace ghostc::import
