//===- ShapeOps.cpp - data movement ghost ops to linalg -------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Concat, slice, reshape, transpose, pad and resize. Shapes are static, so
// every gather (resize, reflect/edge padding) reads through index tables
// computed here at compile time.
//
//===----------------------------------------------------------------------===//

#include "LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <cmath>

using namespace mlir;
using namespace ghostc;
using namespace ghostc::ghost;
using namespace ghostc::linalg_builders;

namespace {

/// A 1-D index constant.
Value indexTable(OpBuilder &b, Location loc, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({int64_t(values.size())}, b.getIndexType());
  SmallVector<APInt> ints;
  for (int64_t v : values)
    ints.push_back(APInt(64, v, /*isSigned=*/true));
  return arith::ConstantOp::create(b, loc, DenseElementsAttr::get(type, ints));
}

/// A 1-D f32 constant.
Value floatTable(OpBuilder &b, Location loc, ArrayRef<float> values) {
  auto type = RankedTensorType::get({int64_t(values.size())}, b.getF32Type());
  return arith::ConstantOp::create(b, loc, DenseElementsAttr::get(type, values));
}

/// Reads `source` at per-axis indices given by one table per axis: result
/// element (i0, i1, ...) is source[t0[i0], t1[i1], ...].
Value gatherByTables(OpBuilder &b, Location loc, Value source,
                     ArrayRef<Value> tables, ArrayRef<int64_t> shape) {
  MLIRContext *context = b.getContext();
  SmallVector<AffineMap> maps;
  for (size_t axis = 0; axis < tables.size(); ++axis)
    maps.push_back(AffineMap::get(shape.size(), 0,
                                  getAffineDimExpr(axis, context), context));
  return generic(b, loc, tables, maps, emptyTensor(b, loc, shape),
                 shape.size(), [&](OpBuilder &nb, Location nl, ValueRange a) {
                   return tensor::ExtractOp::create(nb, nl, source,
                                                    a.drop_back())
                       .getResult();
                 });
}

struct ConcatLowering : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConcatOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    Value result = emptyTensor(rewriter, op.getLoc(), type.getShape());
    SmallVector<int64_t> offsets(type.getRank(), 0);
    for (Value input : op.getInputs()) {
      result = insertSlice(rewriter, op.getLoc(), input, result, offsets);
      offsets[op.getAxis()] +=
          cast<RankedTensorType>(input.getType()).getDimSize(op.getAxis());
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SliceLowering : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SliceOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    ArrayRef<int64_t> starts = op.getStarts(), steps = op.getSteps();
    if (llvm::all_of(steps, [](int64_t step) { return step > 0; })) {
      MLIRContext *context = rewriter.getContext();
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, type, op.getInput(), getAsIndexOpFoldResult(context, starts),
          getAsIndexOpFoldResult(context, type.getShape()),
          getAsIndexOpFoldResult(context, steps));
      return success();
    }
    // A negative step walks backwards: gather through index tables.
    SmallVector<Value> tables;
    for (int64_t axis = 0; axis < type.getRank(); ++axis) {
      SmallVector<int64_t> table;
      for (int64_t i = 0; i < type.getDimSize(axis); ++i)
        table.push_back(starts[axis] + i * steps[axis]);
      tables.push_back(indexTable(rewriter, loc, table));
    }
    rewriter.replaceOp(op, gatherByTables(rewriter, loc, op.getInput(), tables,
                                          type.getShape()));
    return success();
  }
};

struct ReshapeLowering : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, reshape(rewriter, op.getLoc(), op.getInput(),
                                   cast<RankedTensorType>(op.getType())
                                       .getShape()));
    return success();
  }
};

struct TransposeLowering : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    // Output axis i reads input axis perm[i].
    SmallVector<AffineExpr> exprs(type.getRank());
    for (auto [i, axis] : llvm::enumerate(op.getPerm()))
      exprs[axis] = rewriter.getAffineDimExpr(i);
    AffineMap map =
        AffineMap::get(type.getRank(), 0, exprs, rewriter.getContext());
    rewriter.replaceOp(
        op, generic(rewriter, op.getLoc(), op.getInput(), map,
                    emptyTensor(rewriter, op.getLoc(), type.getShape()),
                    type.getRank(),
                    [](OpBuilder &, Location, ValueRange a) { return a[0]; }));
    return success();
  }
};

struct PadLowering : OpRewritePattern<PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PadOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    int64_t rank = inType.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    if (op.getMode() == PadMode::Constant) {
      rewriter.replaceOp(op, pad(rewriter, loc, op.getInput(),
                                 pads.take_front(rank), pads.drop_front(rank),
                                 op.getValue().convertToFloat()));
      return success();
    }
    SmallVector<Value> tables;
    for (int64_t axis = 0; axis < rank; ++axis) {
      int64_t size = inType.getDimSize(axis);
      SmallVector<int64_t> table;
      for (int64_t i = 0; i < outType.getDimSize(axis); ++i) {
        int64_t source = i - pads[axis];
        if (op.getMode() == PadMode::Edge) {
          source = std::clamp<int64_t>(source, 0, size - 1);
        } else if (size > 1) { // Reflect without repeating the edge.
          int64_t period = 2 * (size - 1);
          source = ((source % period) + period) % period;
          if (source >= size)
            source = period - source;
        } else {
          source = 0;
        }
        table.push_back(source);
      }
      tables.push_back(indexTable(rewriter, loc, table));
    }
    rewriter.replaceOp(op, gatherByTables(rewriter, loc, op.getInput(), tables,
                                          outType.getShape()));
    return success();
  }
};

/// Source coordinate of output index `out` on one axis, as ONNX Resize
/// defines it for each coordinate transformation. The resized length is
/// `inSize * scale`, which is fractional when the output size was rounded
/// down from the scale (ONNX's reference uses it so).
float sourceCoordinate(CoordinateTransform transform, int64_t out,
                       int64_t inSize, float scale) {
  float resized = float(inSize) * scale;
  switch (transform) {
  case CoordinateTransform::Asymmetric:
    return out / scale;
  case CoordinateTransform::HalfPixel:
    return (out + 0.5f) / scale - 0.5f;
  case CoordinateTransform::PytorchHalfPixel:
    return resized > 1.0f ? (out + 0.5f) / scale - 0.5f : 0.0f;
  case CoordinateTransform::AlignCorners:
    return resized <= 1.0f ? 0.0f
                           : out * float(inSize - 1) / (resized - 1.0f);
  case CoordinateTransform::TfHalfPixelForNn:
    return (out + 0.5f) / scale;
  }
  llvm_unreachable("unknown coordinate transformation");
}

int64_t roundNearest(NearestMode mode, float x) {
  switch (mode) {
  case NearestMode::Floor:
    return static_cast<int64_t>(std::floor(x));
  case NearestMode::Ceil:
    return static_cast<int64_t>(std::ceil(x));
  case NearestMode::RoundPreferFloor:
    return x == std::floor(x) + 0.5f ? static_cast<int64_t>(std::floor(x))
                                     : static_cast<int64_t>(std::round(x));
  case NearestMode::RoundPreferCeil:
    return static_cast<int64_t>(std::round(x));
  }
  llvm_unreachable("unknown nearest mode");
}

struct ResizeLowering : OpRewritePattern<ResizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ResizeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    // Per spatial axis: nearest index, or the two neighbours and the weight
    // of the second one.
    SmallVector<SmallVector<int64_t>> lower(2), upper(2);
    SmallVector<SmallVector<float>> weights(2);
    for (int axis = 0; axis < 2; ++axis) {
      int64_t inSize = inType.getDimSize(2 + axis);
      int64_t outSize = outType.getDimSize(2 + axis);
      for (int64_t i = 0; i < outSize; ++i) {
        float x = sourceCoordinate(op.getCoordinateTransform(), i, inSize,
                                   op.getScales()[axis]);
        if (op.getMode() == ResizeMode::Nearest) {
          lower[axis].push_back(std::clamp<int64_t>(
              roundNearest(op.getNearestMode(), x), 0, inSize - 1));
          continue;
        }
        x = std::clamp(x, 0.0f, float(inSize - 1));
        int64_t lo = static_cast<int64_t>(std::floor(x));
        lower[axis].push_back(lo);
        upper[axis].push_back(std::min(lo + 1, inSize - 1));
        weights[axis].push_back(x - float(lo));
      }
    }
    if (op.getMode() == ResizeMode::Nearest) {
      // N and C are read as they are; H and W through the nearest indices.
      SmallVector<Value> tables;
      for (int64_t axis = 0; axis < 2; ++axis)
        tables.push_back(indexTable(
            rewriter, loc,
            llvm::to_vector(llvm::seq<int64_t>(0, outType.getDimSize(axis)))));
      tables.push_back(indexTable(rewriter, loc, lower[0]));
      tables.push_back(indexTable(rewriter, loc, lower[1]));
      rewriter.replaceOp(op, gatherByTables(rewriter, loc, op.getInput(),
                                            tables, outType.getShape()));
      return success();
    }
    // Bilinear: loops n, c, y, x with the tables of y and x as inputs.
    MLIRContext *context = rewriter.getContext();
    AffineExpr y = getAffineDimExpr(2, context), x = getAffineDimExpr(3, context);
    SmallVector<Value> inputs = {
        indexTable(rewriter, loc, lower[0]), indexTable(rewriter, loc, upper[0]),
        floatTable(rewriter, loc, weights[0]), indexTable(rewriter, loc, lower[1]),
        indexTable(rewriter, loc, upper[1]), floatTable(rewriter, loc, weights[1])};
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, y, context), AffineMap::get(4, 0, y, context),
        AffineMap::get(4, 0, y, context), AffineMap::get(4, 0, x, context),
        AffineMap::get(4, 0, x, context), AffineMap::get(4, 0, x, context)};
    Value input = op.getInput();
    rewriter.replaceOp(
        op, generic(rewriter, loc, inputs, maps,
                    emptyTensor(rewriter, loc, outType.getShape()), 4,
                    [&](OpBuilder &b, Location l, ValueRange a) {
                      Value n = linalg::IndexOp::create(b, l, 0);
                      Value c = linalg::IndexOp::create(b, l, 1);
                      auto at = [&](Value row, Value col) {
                        return tensor::ExtractOp::create(
                                   b, l, input, ValueRange{n, c, row, col})
                            .getResult();
                      };
                      auto lerp = [&](Value p, Value q, Value t) {
                        Value d = arith::SubFOp::create(b, l, q, p);
                        Value m = arith::MulFOp::create(b, l, d, t);
                        return arith::AddFOp::create(b, l, p, m);
                      };
                      Value top = lerp(at(a[0], a[3]), at(a[0], a[4]), a[5]);
                      Value bottom = lerp(at(a[1], a[3]), at(a[1], a[4]), a[5]);
                      return lerp(top, bottom, a[2]);
                    }));
    return success();
  }
};

} // namespace

void linalg_builders::populateShapePatterns(RewritePatternSet &patterns) {
  patterns.add<ConcatLowering, SliceLowering, ReshapeLowering,
               TransposeLowering, PadLowering, ResizeLowering>(
      patterns.getContext());
}
