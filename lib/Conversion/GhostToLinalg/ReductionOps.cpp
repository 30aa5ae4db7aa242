//===- ReductionOps.cpp - reductions and matrix products to linalg --------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;
using namespace ghostc;
using namespace ghostc::ghost;
using namespace ghostc::linalg_builders;

namespace {

struct ReduceMeanLowering : OpRewritePattern<ReduceMeanOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReduceMeanOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value means = mean(rewriter, loc, op.getInput(), op.getAxes());
    rewriter.replaceOp(op, reshape(rewriter, loc, means,
                                   cast<RankedTensorType>(op.getType())
                                       .getShape()));
    return success();
  }
};

/// exp(x - max) / sum(exp(x - max)) along one axis, in three generics.
struct SoftmaxLowering : OpRewritePattern<SoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SoftmaxOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    int64_t axis = op.getAxis(), rank = type.getRank();
    Value maxima = reduce(rewriter, loc, op.getInput(), axis,
                          std::numeric_limits<float>::lowest(),
                          [](OpBuilder &b, Location l, ValueRange a) {
                            return arith::MaximumFOp::create(b, l, a[1], a[0]);
                          });
    // Reads the per-row statistic (the axis dropped) in the full space.
    SmallVector<AffineExpr> rowExprs;
    for (int64_t i = 0; i < rank; ++i)
      if (i != axis)
        rowExprs.push_back(rewriter.getAffineDimExpr(i));
    AffineMap row = AffineMap::get(rank, 0, rowExprs, rewriter.getContext());
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    Value exps = generic(rewriter, loc, {op.getInput(), maxima}, {identity, row},
                         emptyTensor(rewriter, loc, type.getShape()), rank,
                         [](OpBuilder &b, Location l, ValueRange a) {
                           Value shifted = arith::SubFOp::create(b, l, a[0], a[1]);
                           return math::ExpOp::create(b, l, shifted).getResult();
                         });
    Value sums = reduce(rewriter, loc, exps, axis, 0.0f,
                        [](OpBuilder &b, Location l, ValueRange a) {
                          return arith::AddFOp::create(b, l, a[1], a[0]);
                        });
    rewriter.replaceOp(
        op, generic(rewriter, loc, {exps, sums}, {identity, row},
                    emptyTensor(rewriter, loc, type.getShape()), rank,
                    [](OpBuilder &b, Location l, ValueRange a) {
                      return arith::DivFOp::create(b, l, a[0], a[1]);
                    }));
    return success();
  }
};

/// act(alpha * A' B' + beta * C), through denseLayer.
struct GemmLowering : OpRewritePattern<GemmOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(GemmOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto type = cast<RankedTensorType>(op.getType());
    float alpha = op.getAlpha().convertToFloat();
    float beta = op.getBeta().convertToFloat();
    Value init;
    if (Value c = op.getC()) {
      auto cShape = cast<RankedTensorType>(c.getType()).getShape();
      init = generic(rewriter, loc, c,
                     broadcastMap(context, cShape, type.getShape()),
                     emptyTensor(rewriter, loc, type.getShape()), 2,
                     [&](OpBuilder &b, Location l, ValueRange a) {
                       return arith::MulFOp::create(b, l, a[0], f32(b, l, beta));
                     });
    } else {
      init = filledTensor(rewriter, loc, type.getShape(), 0.0f);
    }
    Value product = denseLayer(rewriter, loc, op.getA(), op.getTransA(),
                               op.getB(), op.getTransB(), init, alpha);
    rewriter.replaceOp(
        op, activateTensor(rewriter, loc, op.getActivation(), product));
    return success();
  }
};

/// Batched matrix product with NumPy broadcasting of the batch axes: loops
/// are the result's axes, then k.
struct MatMulLowering : OpRewritePattern<MatMulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MatMulOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto type = cast<RankedTensorType>(op.getType());
    unsigned rank = type.getRank(), loops = rank + 1;
    AffineExpr k = getAffineDimExpr(rank, context);
    auto operandMap = [&](Value v, bool isLhs) {
      auto shape = cast<RankedTensorType>(v.getType()).getShape();
      SmallVector<AffineExpr> exprs;
      size_t batch = shape.size() - 2, offset = rank - 2 - batch;
      for (size_t i = 0; i < batch; ++i)
        exprs.push_back(shape[i] == 1 && type.getDimSize(offset + i) != 1
                            ? getAffineConstantExpr(0, context)
                            : getAffineDimExpr(offset + i, context));
      if (isLhs)
        exprs.append({getAffineDimExpr(rank - 2, context), k});
      else
        exprs.append({k, getAffineDimExpr(rank - 1, context)});
      return AffineMap::get(loops, 0, exprs, context);
    };
    rewriter.replaceOp(
        op, generic(rewriter, loc, {op.getLhs(), op.getRhs()},
                    {operandMap(op.getLhs(), true), operandMap(op.getRhs(), false)},
                    filledTensor(rewriter, loc, type.getShape(), 0.0f), loops,
                    [](OpBuilder &b, Location l, ValueRange a) {
                      Value ab = arith::MulFOp::create(b, l, a[0], a[1]);
                      return arith::AddFOp::create(b, l, a[2], ab);
                    }));
    return success();
  }
};

} // namespace

void linalg_builders::populateReductionPatterns(RewritePatternSet &patterns) {
  patterns.add<ReduceMeanLowering, SoftmaxLowering, GemmLowering,
               MatMulLowering>(patterns.getContext());
}
