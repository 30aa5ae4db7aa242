//===- CollapseGenericDims.cpp - one loop where memory is one run ---------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The ops between convolutions (residual adds, SE's means and scaling,
// pooling) are linalg.generic ops over NCHW buffers. Lowered as they are,
// their innermost loop walks one row: 7 or 14 columns in GhostNet's late
// stages, too short for a vector, and LLVM then vectorises an outer loop
// with gathers and scatters. Most of these ops read and write whole planes
// (or whole tensors) in order, so their loops can be one: this pass merges
// every run of loops that is contiguous in all operands.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTCOLLAPSEGENERICDIMS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

/// Whether merging the loops of `run` keeps every operand of `op` a valid
/// view: the operand dimensions those loops index must be contiguous in
/// memory.
bool operandsCollapsible(linalg::GenericOp op, ReassociationIndicesRef run) {
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = dyn_cast<MemRefType>(operand.get().getType());
    if (!type)
      return false;
    AffineMap map = op.getMatchingIndexingMap(&operand);
    // The operand dimensions indexed by the run, in order, grouped; every
    // other dimension on its own.
    SmallVector<ReassociationIndices> groups;
    for (unsigned i = 0; i < map.getNumResults(); ++i) {
      auto dim = dyn_cast<AffineDimExpr>(map.getResult(i));
      bool inRun = dim && llvm::is_contained(run, dim.getPosition());
      bool continues = inRun && !groups.empty() && i > 0 &&
                       isa<AffineDimExpr>(map.getResult(i - 1)) &&
                       llvm::is_contained(
                           run, cast<AffineDimExpr>(map.getResult(i - 1))
                                    .getPosition());
      if (continues)
        groups.back().push_back(i);
      else
        groups.push_back({static_cast<int64_t>(i)});
    }
    if (!memref::CollapseShapeOp::isGuaranteedCollapsible(type, groups))
      return false;
  }
  return true;
}

/// Views every operand of `op` that it reads through a constant 0 on a
/// size-1 dimension (a per-channel scale [C, 1, 1] broadcast over H x W, as
/// the BatchNormalization that no convolution takes in leaves) without that
/// dimension, and drops the constant from its indexing map: what
/// collapseOpIterationDims needs to merge the loops the broadcast spans.
void dropBroadcastUnitDims(linalg::GenericOp op, IRRewriter &rewriter) {
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  bool changed = false;
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = dyn_cast<MemRefType>(operand.get().getType());
    AffineMap map = maps[operand.getOperandNumber()];
    if (!type || !type.hasStaticShape())
      continue;
    auto isUnitZero = [&](unsigned i) {
      auto constant = dyn_cast<AffineConstantExpr>(map.getResult(i));
      return constant && constant.getValue() == 0 && type.getDimSize(i) == 1;
    };
    // Each kept dimension with the unit ones after it (those before the
    // first kept one go with it); no group at all when every one is unit.
    SmallVector<ReassociationIndices> groups;
    SmallVector<AffineExpr> kept;
    ReassociationIndices leading;
    for (unsigned i = 0; i < map.getNumResults(); ++i) {
      if (isUnitZero(i)) {
        (groups.empty() ? leading : groups.back()).push_back(i);
        continue;
      }
      groups.push_back(leading);
      groups.back().push_back(i);
      leading.clear();
      kept.push_back(map.getResult(i));
    }
    if (kept.size() == map.getNumResults() ||
        !memref::CollapseShapeOp::isGuaranteedCollapsible(type, groups))
      continue;
    rewriter.setInsertionPoint(op);
    operand.set(memref::CollapseShapeOp::create(rewriter, op.getLoc(),
                                                operand.get(), groups));
    maps[operand.getOperandNumber()] =
        AffineMap::get(map.getNumDims(), 0, kept, op.getContext());
    changed = true;
  }
  if (changed)
    op.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
}

/// The runs of two or more consecutive loops of `op`, of one iterator type,
/// that can be merged.
SmallVector<ReassociationIndices> collapsibleRuns(linalg::GenericOp op) {
  SmallVector<ReassociationIndices> runs;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  // Operands read through constants (a broadcast size-1 axis) or affine
  // expressions are beyond collapseOpIterationDims.
  if (!op.hasPureBufferSemantics() ||
      !llvm::all_of(maps, [](AffineMap map) {
        return map.isProjectedPermutation(/*allowZeroInResults=*/false);
      }))
    return runs;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  unsigned numLoops = op.getNumLoops();
  for (unsigned start = 0; start < numLoops;) {
    ReassociationIndices run = {start};
    for (unsigned next = start + 1; next < numLoops; ++next) {
      ReassociationIndices longer = run;
      longer.push_back(next);
      if (iterators[next] != iterators[start] ||
          !linalg::areDimSequencesPreserved(maps, longer) ||
          !operandsCollapsible(op, longer))
        break;
      run = longer;
    }
    start = run.back() + 1;
    if (run.size() > 1)
      runs.push_back(run);
  }
  return runs;
}

struct GhostCollapseGenericDimsPass
    : ghostc::impl::GhostCollapseGenericDimsBase<GhostCollapseGenericDimsPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> generics;
    getOperation().walk([&](linalg::GenericOp op) { generics.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp op : generics) {
      dropBroadcastUnitDims(op, rewriter);
      SmallVector<ReassociationIndices> runs = collapsibleRuns(op);
      if (runs.empty())
        continue;
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::CollapseResult> collapsed =
          linalg::collapseOpIterationDims(op, runs, rewriter);
      if (failed(collapsed))
        continue;
      rewriter.replaceOp(op, collapsed->results);
    }
  }
};

} // namespace
