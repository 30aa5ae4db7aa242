//===- FlattenConstants.cpp - constant globals as 1-D arrays --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The LLVM lowering of memrefs gives a global of type memref<8x16x1x1xf32>
// the LLVM type [8 x [16 x [1 x [1 x float]]]], and its initialiser becomes
// one uniqued array constant per innermost row: for a 1x1 convolution's
// weights, one per weight. GhostNet's 5 million weights made millions of
// LLVM constants, which LLVM built, hashed, scanned at code generation and
// freed, in about a third of the compile time and most of its memory. Stored
// as memref<128xf32>, the same bytes are one constant. Every use of the
// global gets the original shape back with a memref.expand_shape, which
// costs nothing at run time.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"
#include "ghostc/Support/Weights.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTFLATTENCONSTANTS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

/// The 1-D type of `type`'s elements, when `type` is a statically shaped
/// memref of rank > 1 with the identity layout.
std::optional<MemRefType> flatType(MemRefType type) {
  if (type.getRank() <= 1 || !type.hasStaticShape() ||
      !type.getLayout().isIdentity())
    return std::nullopt;
  return MemRefType::get({type.getNumElements()}, type.getElementType(),
                         MemRefLayoutAttrInterface(), type.getMemorySpace());
}

struct GhostFlattenConstants
    : ghostc::impl::GhostFlattenConstantsBase<GhostFlattenConstants> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // The globals whose type changes, by name.
    DenseMap<StringAttr, MemRefType> flattened;
    for (auto global : module.getOps<memref::GlobalOp>()) {
      std::optional<MemRefType> flat = flatType(global.getType());
      if (!global.getConstant() || !flat)
        continue;
      // Dense data and blobs are stored row-major whatever their shape: the
      // reshape keeps the bytes (a blob's are not even copied).
      ElementsAttr init = ghostc::reshapeElements(
          global.getInitialValueAttr(),
          RankedTensorType::get(flat->getShape(), flat->getElementType()));
      if (!init)
        continue;
      global.setType(*flat);
      global.setInitialValueAttr(init);
      flattened[global.getSymNameAttr()] = *flat;
    }
    if (flattened.empty())
      return;
    module.walk([&](memref::GetGlobalOp get) {
      auto it = flattened.find(get.getNameAttr().getAttr());
      if (it == flattened.end())
        return;
      MemRefType shaped = get.getType();
      OpBuilder b(get);
      b.setInsertionPointAfter(get);
      ReassociationIndices all =
          llvm::to_vector(llvm::seq<int64_t>(0, shaped.getRank()));
      auto expand = memref::ExpandShapeOp::create(
          b, get.getLoc(), shaped, get.getResult(), ArrayRef{all});
      get.getResult().replaceAllUsesExcept(expand.getResult(), expand);
      get.getResult().setType(it->second);
    });
  }
};

} // namespace
