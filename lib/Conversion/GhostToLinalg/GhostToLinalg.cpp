//===- GhostToLinalg.cpp - the convert-ghost-to-linalg pass ---------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/GhostToLinalg.h"
#include "LinalgBuilders.h"

#include "ghostc/Conversion/Passes.h"
#include "ghostc/Dialect/Ghost/GhostDialect.h"

#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace ghostc {
#define GEN_PASS_DEF_CONVERTGHOSTTOLINALG
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

void ghostc::populateGhostToLinalgConversionPatterns(
    RewritePatternSet &patterns) {
  linalg_builders::populateConvPatterns(patterns);
  linalg_builders::populateElementwisePatterns(patterns);
  linalg_builders::populateShapePatterns(patterns);
  linalg_builders::populateReductionPatterns(patterns);
}

namespace {

struct ConvertGhostToLinalgPass
    : ghostc::impl::ConvertGhostToLinalgBase<ConvertGhostToLinalgPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    ghostc::populateGhostToLinalgConversionPatterns(patterns);
    // Every ghost op has exactly one pattern and the patterns create no
    // ghost ops, so one walk converts everything.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
    WalkResult left = getOperation().walk([](Operation *op) {
      if (isa<ghostc::ghost::GhostDialect>(op->getDialect())) {
        op->emitOpError("has no lowering to linalg");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
