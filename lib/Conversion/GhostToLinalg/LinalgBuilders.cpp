//===- LinalgBuilders.cpp - helpers for the ghost-to-linalg patterns ------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "LinalgBuilders.h"
#include "ghostc/Conversion/GroupedConvolution.h"
#include "ghostc/Support/Weights.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace ghostc;
using namespace ghostc::linalg_builders;

Value linalg_builders::emptyTensor(OpBuilder &b, Location loc,
                                   ArrayRef<int64_t> shape) {
  return tensor::EmptyOp::create(b, loc, shape, b.getF32Type());
}

Value linalg_builders::f32(OpBuilder &b, Location loc, float value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

Value linalg_builders::filledTensor(OpBuilder &b, Location loc,
                                    ArrayRef<int64_t> shape, float value) {
  return linalg::FillOp::create(b, loc, f32(b, loc, value),
                                emptyTensor(b, loc, shape))
      .getResult(0);
}

Value linalg_builders::generic(OpBuilder &b, Location loc, ValueRange inputs,
                               ArrayRef<AffineMap> inputMaps, Value init,
                               unsigned numLoops, BodyBuilder body) {
  auto initType = cast<RankedTensorType>(init.getType());
  unsigned rank = initType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  SmallVector<AffineExpr> outputExprs;
  for (unsigned i = 0; i < rank; ++i)
    outputExprs.push_back(b.getAffineDimExpr(i));
  maps.push_back(AffineMap::get(numLoops, 0, outputExprs, b.getContext()));
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::parallel);
  for (unsigned i = rank; i < numLoops; ++i)
    iterators[i] = utils::IteratorType::reduction;
  auto op = linalg::GenericOp::create(
      b, loc, TypeRange{initType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args));
      });
  return op.getResult(0);
}

Value linalg_builders::elementwise(OpBuilder &b, Location loc, Value input,
                                   BodyBuilder body) {
  auto type = cast<RankedTensorType>(input.getType());
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  return generic(b, loc, input, identity,
                 emptyTensor(b, loc, type.getShape()), type.getRank(), body);
}

AffineMap linalg_builders::broadcastMap(MLIRContext *context,
                                        ArrayRef<int64_t> operandShape,
                                        ArrayRef<int64_t> resultShape) {
  SmallVector<AffineExpr> exprs;
  size_t offset = resultShape.size() - operandShape.size();
  for (size_t i = 0; i < operandShape.size(); ++i)
    exprs.push_back(operandShape[i] == 1 && resultShape[offset + i] != 1
                        ? getAffineConstantExpr(0, context)
                        : getAffineDimExpr(offset + i, context));
  return AffineMap::get(resultShape.size(), 0, exprs, context);
}

Value linalg_builders::activate(OpBuilder &b, Location loc,
                                ghost::Activation act, Value x) {
  auto clamp = [&](Value v, float lo, float hi) {
    Value low = arith::MaximumFOp::create(b, loc, v, f32(b, loc, lo));
    return arith::MinimumFOp::create(b, loc, low, f32(b, loc, hi));
  };
  // relu6(x + 3) / 6, the form PyTorch computes.
  auto hardSigmoid = [&](Value v) -> Value {
    Value shifted = arith::AddFOp::create(b, loc, v, f32(b, loc, 3.0f));
    return arith::DivFOp::create(b, loc, clamp(shifted, 0.0f, 6.0f),
                                 f32(b, loc, 6.0f));
  };
  // 1 / (1 + exp(-x)) as 0.5 + 0.5 * tanh(x / 2): ghost-approximate-math
  // computes tanh as one rational function (about 17 vector operations),
  // exp as a range reduction, a polynomial and a scaling (about 22, then
  // the division).
  auto sigmoid = [&](Value v) -> Value {
    Value half = f32(b, loc, 0.5f);
    Value tanh =
        math::TanhOp::create(b, loc, arith::MulFOp::create(b, loc, v, half));
    return math::FmaOp::create(b, loc, tanh, half, half);
  };
  switch (act) {
  case ghost::Activation::None:
    return x;
  case ghost::Activation::Relu:
    return arith::MaximumFOp::create(b, loc, x, f32(b, loc, 0.0f));
  case ghost::Activation::Relu6:
    return clamp(x, 0.0f, 6.0f);
  case ghost::Activation::Sigmoid:
    return sigmoid(x);
  case ghost::Activation::HardSigmoid:
    return hardSigmoid(x);
  case ghost::Activation::HardSwish:
    return arith::MulFOp::create(b, loc, x, hardSigmoid(x));
  case ghost::Activation::Silu:
    return arith::MulFOp::create(b, loc, x, sigmoid(x));
  }
  llvm_unreachable("unknown activation");
}

Value linalg_builders::activateTensor(OpBuilder &b, Location loc,
                                      ghost::Activation act, Value tensor) {
  if (act == ghost::Activation::None)
    return tensor;
  // In place: the tensor is both the generic's only operand and its output.
  auto type = cast<RankedTensorType>(tensor.getType());
  return generic(b, loc, {}, {}, tensor, type.getRank(),
                 [&](OpBuilder &nb, Location nl, ValueRange args) {
                   return activate(nb, nl, act, args[0]);
                 });
}

Value linalg_builders::extractSlice(OpBuilder &b, Location loc, Value source,
                                    ArrayRef<int64_t> offsets,
                                    ArrayRef<int64_t> sizes) {
  // All of `source`: itself, so that a constant stays one.
  if (cast<RankedTensorType>(source.getType()).getShape() == sizes &&
      llvm::all_of(offsets, [](int64_t offset) { return offset == 0; }))
    return source;
  SmallVector<int64_t> strides(offsets.size(), 1);
  MLIRContext *context = b.getContext();
  return tensor::ExtractSliceOp::create(
      b, loc, source, getAsIndexOpFoldResult(context, offsets),
      getAsIndexOpFoldResult(context, sizes),
      getAsIndexOpFoldResult(context, strides));
}

Value linalg_builders::insertSlice(OpBuilder &b, Location loc, Value source,
                                   Value dest, ArrayRef<int64_t> offsets) {
  auto shape = cast<RankedTensorType>(source.getType()).getShape();
  SmallVector<int64_t> strides(offsets.size(), 1);
  MLIRContext *context = b.getContext();
  return tensor::InsertSliceOp::create(
      b, loc, source, dest, getAsIndexOpFoldResult(context, offsets),
      getAsIndexOpFoldResult(context, shape),
      getAsIndexOpFoldResult(context, strides));
}

Value linalg_builders::pad(OpBuilder &b, Location loc, Value x,
                           ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                           float value) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return x;
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < type.getRank(); ++i)
    shape.push_back(type.getDimSize(i) + low[i] + high[i]);
  return insertSlice(b, loc, x, filledTensor(b, loc, shape, value), low);
}

/// `x` as `type`, which has as many elements, when `x` is a constant: a
/// constant of the same bytes (a weight's blob is not copied, and MLIR's
/// folders of reshapes do not read blobs); null otherwise.
static Value reshapedConstant(OpBuilder &b, Location loc, Value x,
                              RankedTensorType type) {
  Attribute attr;
  if (!matchPattern(x, m_Constant(&attr)))
    return {};
  ElementsAttr reshaped = ghostc::reshapeElements(attr, type);
  return reshaped ? arith::ConstantOp::create(b, loc, reshaped) : Value();
}

Value linalg_builders::reshape(OpBuilder &b, Location loc, Value x,
                               ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getShape() == shape)
    return x;
  if (Value constant = reshapedConstant(
          b, loc, x, RankedTensorType::get(shape, type.getElementType())))
    return constant;
  // Through a 1-D view: collapse every axis, then expand to the new shape.
  auto flatType = RankedTensorType::get({type.getNumElements()},
                                        b.getF32Type());
  Value flat = x;
  if (type.getRank() != 1) {
    SmallVector<ReassociationIndices> all;
    if (type.getRank() > 0)
      all.push_back(llvm::to_vector(llvm::seq<int64_t>(0, type.getRank())));
    flat = type.getRank() == 0
               ? Value(tensor::ExpandShapeOp::create(
                     b, loc, flatType, x, ArrayRef<ReassociationIndices>{}))
               : Value(tensor::CollapseShapeOp::create(b, loc, flatType, x,
                                                       all));
  }
  if (shape.size() == 1)
    return flat;
  auto resultType = RankedTensorType::get(shape, b.getF32Type());
  if (shape.empty())
    return tensor::CollapseShapeOp::create(b, loc, resultType, flat,
                                           ArrayRef<ReassociationIndices>{});
  SmallVector<ReassociationIndices> all = {
      llvm::to_vector(llvm::seq<int64_t>(0, shape.size()))};
  return tensor::ExpandShapeOp::create(b, loc, resultType, flat, all);
}

Value linalg_builders::broadcastBias(OpBuilder &b, Location loc, Value bias,
                                     Value init) {
  auto type = cast<RankedTensorType>(init.getType());
  if (!bias)
    return linalg::FillOp::create(b, loc, f32(b, loc, 0.0f), init)
        .getResult(0);
  AffineMap channel = AffineMap::get(type.getRank(), 0,
                                     b.getAffineDimExpr(1), b.getContext());
  return generic(b, loc, bias, channel, init, type.getRank(),
                 [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

Value linalg_builders::convolve(OpBuilder &b, Location loc, Value input,
                                Value weight, Value init, int64_t outPerGroup,
                                ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> pads,
                                ArrayRef<int64_t> dilations) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t perGroupIn = cast<RankedTensorType>(weight.getType()).getDimSize(1);
  int64_t inChannels = inputType.getDimSize(1);
  int64_t outChannels = cast<RankedTensorType>(init.getType()).getDimSize(1);
  bool dense = outPerGroup == outChannels && perGroupIn == inChannels;
  bool depthwise = outPerGroup == 1 && perGroupIn == 1;
  // A depthwise convolution may use only the first channels (the cheap half
  // of a Ghost module whose output is odd): the others are not read.
  if (depthwise && inChannels > outChannels) {
    ArrayRef<int64_t> shape = inputType.getShape();
    input = extractSlice(b, loc, input, {0, 0, 0, 0},
                         {shape[0], outChannels, shape[2], shape[3]});
  }
  Value padded = pad(b, loc, input, {0, 0, pads[0], pads[1]},
                     {0, 0, pads[2], pads[3]}, 0.0f);
  // Dense and depthwise convolutions, all of GhostNet's, are the named ops
  // that ghost-lower-convolutions turns into vector kernels.
  DenseIntElementsAttr stridesAttr = b.getI64TensorAttr(strides);
  DenseIntElementsAttr dilationsAttr = b.getI64TensorAttr(dilations);
  if (dense)
    return linalg::Conv2DNchwFchwOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{padded, weight},
               ValueRange{init}, stridesAttr, dilationsAttr)
        .getResult(0);
  if (depthwise) {
    auto weightType = cast<RankedTensorType>(weight.getType());
    Value filter =
        reshapedConstant(b, loc, weight,
                         RankedTensorType::get({weightType.getDimSize(0),
                                                weightType.getDimSize(2),
                                                weightType.getDimSize(3)},
                                               weightType.getElementType()));
    if (!filter)
      filter = tensor::CollapseShapeOp::create(
          b, loc, weight, SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}});
    return linalg::DepthwiseConv2DNchwChwOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{padded, filter},
               ValueRange{init}, stridesAttr, dilationsAttr)
        .getResult(0);
  }
  // Other grouped convolutions: one generic whose input channel is
  // (o floordiv Og) * Cg + c (GroupedConvolution.h), which
  // ghost-lower-convolutions computes with its vector kernels.
  auto op = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{padded, weight},
      ValueRange{init},
      groupedConvolutionMaps(b.getContext(), outPerGroup, perGroupIn, strides,
                             dilations),
      groupedConvolutionIterators(),
      [](OpBuilder &nb, Location nl, ValueRange args) {
        Value product = arith::MulFOp::create(nb, nl, args[0], args[1]);
        linalg::YieldOp::create(
            nb, nl, ValueRange{arith::AddFOp::create(nb, nl, args[2], product)});
      });
  return op.getResult(0);
}

/// `weight` [n, k] as a constant [k, n], or null when it is not an f32
/// constant.
static Value transposedConstant(OpBuilder &b, Location loc, Value weight) {
  Attribute attr;
  if (!matchPattern(weight, m_Constant(&attr)))
    return {};
  std::vector<float> storage;
  std::optional<ArrayRef<float>> values = ghostc::f32Elements(attr, storage);
  if (!values)
    return {};
  auto type = cast<RankedTensorType>(weight.getType());
  int64_t n = type.getDimSize(0), k = type.getDimSize(1);
  // In tiles that stay in cache on both sides: element by element, the
  // writes of a classifier's 100M weights each missed (3.3 s for VGG-11).
  constexpr int64_t tile = 64;
  std::vector<float> transposed(values->size());
  for (int64_t i0 = 0; i0 < n; i0 += tile)
    for (int64_t j0 = 0; j0 < k; j0 += tile)
      for (int64_t i = i0, iEnd = std::min(n, i0 + tile); i < iEnd; ++i)
        for (int64_t j = j0, jEnd = std::min(k, j0 + tile); j < jEnd; ++j)
          transposed[j * n + i] = (*values)[i * k + j];
  auto transposedType = RankedTensorType::get({k, n}, b.getF32Type());
  return arith::ConstantOp::create(
      b, loc,
      ghostc::makeF32Elements(transposedType, std::move(transposed),
                              ghostc::derivedWeightName(attr, ".t")));
}

Value linalg_builders::denseLayer(OpBuilder &b, Location loc, Value lhs,
                                  bool lhsTransposed, Value rhs,
                                  bool rhsTransposed, Value init, float scale) {
  MLIRContext *context = b.getContext();
  if (rhsTransposed)
    if (Value packed = transposedConstant(b, loc, rhs)) {
      rhs = packed;
      rhsTransposed = false;
    }
  // Loops m, k, n, or m, n, k for a run-time transposed rhs.
  AffineExpr m = b.getAffineDimExpr(0);
  AffineExpr k = b.getAffineDimExpr(rhsTransposed ? 2 : 1);
  AffineExpr n = b.getAffineDimExpr(rhsTransposed ? 1 : 2);
  auto map = [&](AffineExpr row, AffineExpr column) {
    return AffineMap::get(3, 0, {row, column}, context);
  };
  SmallVector<AffineMap> maps = {lhsTransposed ? map(k, m) : map(m, k),
                                 rhsTransposed ? map(n, k) : map(k, n),
                                 map(m, n)};
  using utils::IteratorType;
  SmallVector<IteratorType> iterators(3, IteratorType::parallel);
  iterators[rhsTransposed ? 2 : 1] = IteratorType::reduction;
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{lhs, rhs},
             ValueRange{init}, maps, iterators,
             [scale](OpBuilder &nb, Location nl, ValueRange args) {
               Value product = arith::MulFOp::create(nb, nl, args[0], args[1]);
               if (scale != 1.0f)
                 product =
                     arith::MulFOp::create(nb, nl, product, f32(nb, nl, scale));
               linalg::YieldOp::create(
                   nb, nl,
                   ValueRange{arith::AddFOp::create(nb, nl, args[2], product)});
             })
      .getResult(0);
}

/// Loop order for reducing `axes` of a rank-`rank` tensor: the kept axes
/// first (they index the output), then the reduced ones.
static SmallVector<unsigned> keptThenReduced(int64_t rank, ArrayRef<int64_t> axes) {
  SmallVector<unsigned> order;
  for (int64_t i = 0; i < rank; ++i)
    if (!llvm::is_contained(axes, i))
      order.push_back(i);
  for (int64_t axis : axes)
    order.push_back(axis);
  return order;
}

Value linalg_builders::reduce(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> axes,
             float initial, BodyBuilder combine) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<unsigned> order = keptThenReduced(type.getRank(), axes);
  SmallVector<int64_t> keptShape;
  for (unsigned i = 0; i < type.getRank() - axes.size(); ++i)
    keptShape.push_back(type.getDimSize(order[i]));
  // Input axis order[k] is loop k.
  SmallVector<AffineExpr> exprs(type.getRank());
  for (auto [loop, axis] : llvm::enumerate(order))
    exprs[axis] = b.getAffineDimExpr(loop);
  AffineMap map = AffineMap::get(type.getRank(), 0, exprs, b.getContext());
  return generic(b, loc, input, map, filledTensor(b, loc, keptShape, initial),
                 type.getRank(), combine);
}

Value linalg_builders::mean(OpBuilder &b, Location loc, Value input,
                            ArrayRef<int64_t> axes) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t count = 1;
  for (int64_t axis : axes)
    count *= type.getDimSize(axis);
  // The sum may be reassociated: that lets LLVM keep several partial sums
  // in vector lanes instead of one scalar chain bound by the add's latency.
  // The result differs from a sequential sum by rounding only.
  Value sums = reduce(b, loc, input, axes, 0.0f,
                      [](OpBuilder &nb, Location nl, ValueRange a) {
                        return arith::AddFOp::create(
                            nb, nl, a[1], a[0], arith::FastMathFlags::reassoc);
                      });
  float inverse = 1.0f / float(std::max<int64_t>(count, 1));
  auto sumsType = cast<RankedTensorType>(sums.getType());
  return generic(b, loc, {}, {}, sums, sumsType.getRank(),
                 [&](OpBuilder &nb, Location nl, ValueRange a) {
                   return arith::MulFOp::create(nb, nl, a[0],
                                                f32(nb, nl, inverse));
                 });
}
