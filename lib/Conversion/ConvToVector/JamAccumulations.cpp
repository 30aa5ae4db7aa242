//===- JamAccumulations.cpp - many weight rows per accumulator pass -------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// A dense layer on one pixel reads each weight once: nearly a megabyte per
// SE layer, five for GhostNet's head and classifier. Lowered from linalg,
// its loops are (k, n): for every input k, every output n gets one term,
// loaded and stored through memory, and the inner loop streams one weight
// row. That single stream keeps too few cache misses in flight to use the
// memory's bandwidth (on this project's machine, 17-30 GB/s of the 36 GB/s
// its DRAM streams). Unroll-and-jam of k by 8 gives the inner loop eight
// rows to stream at once and keeps each output in a register across its
// eight terms.
//
//===----------------------------------------------------------------------===//

#include "Buffers.h"
#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/LoopUtils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTJAMACCUMULATIONS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;
using namespace mlir::affine;

namespace {

/// Whether no other root buffer reaches `root`'s memory: a `llvm.noalias`
/// argument (it shares no byte with the function's other arguments), an
/// allocation, or a constant global (which nothing may write).
bool isIsolated(Value root) {
  if (auto arg = dyn_cast<BlockArgument>(root)) {
    auto func = dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp());
    return func && arg.getOwner()->isEntryBlock() &&
           func.getArgAttr(arg.getArgNumber(),
                           LLVM::LLVMDialect::getNoAliasAttrName());
  }
  if (auto global = root.getDefiningOp<memref::GetGlobalOp>()) {
    auto symbol = SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(
        global, global.getNameAttr());
    return symbol && symbol.getConstant();
  }
  return isa_and_nonnull<memref::AllocOp, memref::AllocaOp>(
      root.getDefiningOp());
}

/// Whether two root buffers are the same memory (the same value, or the
/// same global), certainly share no byte, or may overlap.
enum class Overlap { Same, Disjoint, Unknown };
Overlap overlap(Value a, Value b) {
  auto globalA = a.getDefiningOp<memref::GetGlobalOp>();
  auto globalB = b.getDefiningOp<memref::GetGlobalOp>();
  if (a == b || (globalA && globalB && globalA.getName() == globalB.getName()))
    return Overlap::Same;
  if (isIsolated(a) || isIsolated(b))
    return Overlap::Disjoint;
  return Overlap::Unknown;
}

/// Where an affine load or store accesses memory: its buffer, map and map
/// operands. Two accesses with equal places touch the same element.
struct Place {
  Value memref;
  AffineMap map;
  SmallVector<Value> operands;

  explicit Place(Operation *access) {
    if (auto load = dyn_cast<AffineReadOpInterface>(access)) {
      memref = load.getMemRef();
      map = load.getAffineMap();
      operands = llvm::to_vector(load.getMapOperands());
    } else {
      auto store = cast<AffineWriteOpInterface>(access);
      memref = store.getMemRef();
      map = store.getAffineMap();
      operands = llvm::to_vector(store.getMapOperands());
    }
  }
  bool operator==(const Place &other) const {
    return memref == other.memref && map == other.map &&
           operands == other.operands;
  }
};

/// Whether the store `store`, in the body of `inner` nested in `outer`,
/// writes an accumulator of the inner loop: an element that depends on the
/// inner loop's variable (one element per inner iteration) and on nothing
/// that changes with the outer loop's.
bool isAccumulator(AffineWriteOpInterface store, AffineForOp outer,
                   AffineForOp inner) {
  Value iv = inner.getInductionVar();
  AffineMap map = store.getAffineMap();
  ValueRange operands = store.getMapOperands();
  bool indexedByIv = false;
  for (auto [position, operand] : llvm::enumerate(operands)) {
    if (operand == iv) {
      if (position < map.getNumDims() &&
          llvm::is_contained(map.getResults(),
                             getAffineDimExpr(position, map.getContext())))
        indexedByIv = true;
      continue;
    }
    if (!outer.isDefinedOutsideOfLoop(operand))
      return false;
  }
  return indexedByIv;
}

/// The accumulators of `outer`'s body, when it qualifies for jamming (see
/// the pass description); an empty list otherwise.
SmallVector<AffineWriteOpInterface> accumulators(AffineForOp outer) {
  Block *body = outer.getBody();
  auto inner = dyn_cast<AffineForOp>(body->front());
  if (!inner || body->getOperations().size() != 2 ||
      outer.getNumIterOperands() != 0 || inner.getNumIterOperands() != 0 ||
      !inner.hasConstantBounds())
    return {};
  // Every load and store of the body, and the stores alone.
  SmallVector<Operation *> accesses;
  SmallVector<AffineWriteOpInterface> stores;
  for (Operation &op : inner.getBody()->without_terminator()) {
    if (isa<AffineReadOpInterface, AffineWriteOpInterface>(op)) {
      accesses.push_back(&op);
      if (auto store = dyn_cast<AffineWriteOpInterface>(op))
        stores.push_back(store);
    } else if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op)) {
      return {};
    }
  }
  for (AffineWriteOpInterface store : stores) {
    if (!isAccumulator(store, outer, inner))
      return {};
    Place place(store);
    Value root = ghostc::rootBuffer(place.memref);
    for (Operation *access : accesses) {
      Place other(access);
      switch (overlap(root, ghostc::rootBuffer(other.memref))) {
      case Overlap::Disjoint:
        break;
      case Overlap::Same:
        // One accumulator, one place: the same view, map and operands.
        if (!(other == place))
          return {};
        break;
      case Overlap::Unknown:
        return {};
      }
    }
  }
  return stores;
}

/// In the jammed inner loop, every accumulator is loaded by the first copy
/// and stored by the last: later copies take the value the previous one
/// computed, and only the last store is kept.
void forwardAccumulators(AffineForOp inner, ArrayRef<Place> places) {
  for (const Place &place : places) {
    Value current;
    Operation *lastStore = nullptr;
    for (Operation &op :
         llvm::make_early_inc_range(inner.getBody()->without_terminator())) {
      if (!isa<AffineReadOpInterface, AffineWriteOpInterface>(op))
        continue;
      if (!(Place(&op) == place))
        continue;
      if (auto store = dyn_cast<AffineWriteOpInterface>(op)) {
        if (lastStore)
          lastStore->erase();
        lastStore = &op;
        current = store.getValueToStore();
      } else if (current) {
        op.getResult(0).replaceAllUsesWith(current);
        op.erase();
      }
    }
  }
}

struct GhostJamAccumulationsPass
    : ghostc::impl::GhostJamAccumulationsBase<GhostJamAccumulationsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (factor < 2)
      return;
    struct Nest {
      AffineForOp outer, inner;
      SmallVector<Place> accumulators;
    };
    SmallVector<Nest> nests;
    getOperation().walk([&](AffineForOp outer) {
      std::optional<uint64_t> trips = getConstantTripCount(outer);
      if (!trips || *trips < static_cast<uint64_t>(factor))
        return;
      SmallVector<AffineWriteOpInterface> stores = accumulators(outer);
      if (stores.empty())
        return;
      Nest nest{outer, cast<AffineForOp>(outer.getBody()->front()), {}};
      for (AffineWriteOpInterface store : stores)
        nest.accumulators.emplace_back(store);
      nests.push_back(std::move(nest));
    });
    for (Nest &nest : nests) {
      // The inner loop stays and takes the copies of its body; the outer one
      // is gone when it had exactly `factor` iterations.
      if (succeeded(loopUnrollJamByFactor(nest.outer, factor)))
        forwardAccumulators(nest.inner, nest.accumulators);
    }
  }
};

} // namespace
