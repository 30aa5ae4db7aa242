//===- PlanMemory.cpp - one static workspace for every buffer -------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// After one-shot bufferization, a model function allocates each
// intermediate with memref.alloc and returns its results. This pass gives it
// the generated ABI's shape instead:
//
//   func @main(inputs..., outputs..., workspace: memref<Sxi8>)
//
// Each result is computed straight into its output argument (the buffer
// that held it is replaced by the argument), and every other buffer becomes
// a view at a fixed, 64-byte aligned offset of the workspace. Offsets are
// packed first-fit by live range, so buffers that are never live at the same
// time share bytes. No allocation is left and no copy calls a runtime
// library.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/IR/PatternMatch.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTPLANMEMORY
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

/// A buffer to place: its allocation, size and live range in terms of the
/// positions of the function's top-level operations.
struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes;
  int64_t first, last;
  int64_t offset = -1;
};

/// The top-level operation of `block` that contains `op`.
Operation *topLevel(Operation *op, Block &block) {
  while (op->getBlock() != &block)
    op = op->getParentOp();
  return op;
}

/// Last position at which `value` or any view of it is used.
int64_t lastUse(Value value, Block &block,
                const DenseMap<Operation *, int64_t> &position) {
  int64_t last = -1;
  SmallVector<Value> worklist = {value};
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    for (Operation *user : current.getUsers()) {
      last = std::max(last, position.lookup(topLevel(user, block)));
      if (auto view = dyn_cast<ViewLikeOpInterface>(user))
        if (view.getViewSource() == current)
          llvm::append_range(worklist, user->getResults());
    }
  }
  return last;
}

struct GhostPlanMemoryPass
    : ghostc::impl::GhostPlanMemoryBase<GhostPlanMemoryPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() && failed(plan(func)))
        return signalPassFailure();
  }

  /// Turns the returned buffers into output arguments.
  LogicalResult passResultsOut(func::FuncOp func) {
    Block &body = func.getBody().front();
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    OpBuilder builder(ret);
    unsigned numInputs = func.getNumArguments();
    for (auto [index, result] : llvm::enumerate(ret.getOperands())) {
      auto type = dyn_cast<MemRefType>(result.getType());
      if (!type || !type.getLayout().isIdentity())
        return func.emitError("result ") << index
                                         << " is not an identity-layout memref";
      // An empty output (a Slice past the end, say) would be a buffer of no
      // bytes in the C interface, which LLVM's bare-pointer calls refuse.
      if (type.hasStaticShape() && type.getNumElements() == 0) {
        auto name =
            func.getResultAttrOfType<StringAttr>(index, "ghost.onnx_name");
        std::string shape;
        llvm::raw_string_ostream os(shape);
        llvm::interleave(type.getShape(), os, "x");
        return emitError(getOperation().getLoc())
               << "output "
               << (name ? "'" + name.str() + "'" : "#" + std::to_string(index))
               << " is empty (" << shape
               << "); ghostc compiles non-empty outputs only";
      }
      BlockArgument out = body.addArgument(type, func.getLoc());
      auto alloc = result.getDefiningOp<memref::AllocOp>();
      bool once = llvm::count(ret.getOperands(), result) == 1;
      if (alloc && once) {
        alloc.getResult().replaceAllUsesWith(out);
        alloc.erase();
      } else {
        linalg::CopyOp::create(builder, ret.getLoc(), result, out);
      }
    }
    ret->setOperands({});
    SmallVector<Type> argTypes(body.getArgumentTypes());
    // Inputs keep their attributes; each output argument takes its result's.
    SmallVector<DictionaryAttr> argAttrs;
    for (unsigned i = 0; i < numInputs; ++i)
      argAttrs.push_back(func.getArgAttrDict(i));
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      argAttrs.push_back(func.getResultAttrDict(i));
    func.setFunctionType(builder.getFunctionType(argTypes, {}));
    func.setAllArgAttrs(argAttrs);
    func.removeResAttrsAttr();
    func->setAttr("ghost.num_inputs", builder.getI64IntegerAttr(numInputs));
    func->setAttr("ghost.num_outputs",
                  builder.getI64IntegerAttr(argTypes.size() - numInputs));
    return success();
  }

  LogicalResult plan(func::FuncOp func) {
    if (!func.getBody().hasOneBlock())
      return func.emitError("expects a single-block function");
    // Copies become loops: memref.copy of a strided view would otherwise
    // call a runtime helper.
    func.walk([](memref::CopyOp copy) {
      OpBuilder builder(copy);
      linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                             copy.getTarget());
      copy.erase();
    });
    if (failed(passResultsOut(func)))
      return failure();

    Block &body = func.getBody().front();
    DenseMap<Operation *, int64_t> position;
    for (auto [index, op] : llvm::enumerate(body))
      position[&op] = index;

    std::vector<Buffer> buffers;
    WalkResult walk = func.walk([&](memref::AllocOp alloc) {
      MemRefType type = alloc.getType();
      if (alloc->getBlock() != &body || !type.hasStaticShape() ||
          !type.getLayout().isIdentity() ||
          !type.getElementType().isIntOrFloat()) {
        alloc.emitError("cannot be placed in the static workspace");
        return WalkResult::interrupt();
      }
      int64_t bytes = type.getNumElements() *
                      llvm::divideCeil(type.getElementTypeBitWidth(), 8);
      int64_t first = position.lookup(alloc);
      buffers.push_back({alloc, bytes, first,
                         std::max(first, lastUse(alloc, body, position))});
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();

    // First fit, largest buffers first: each goes at the lowest aligned
    // offset that no placed buffer with an overlapping live range occupies.
    std::vector<Buffer *> order;
    for (Buffer &buffer : buffers)
      order.push_back(&buffer);
    llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
      return a->bytes > b->bytes;
    });
    std::vector<Buffer *> placed;
    int64_t total = 0;
    for (Buffer *buffer : order) {
      std::vector<std::pair<int64_t, int64_t>> busy;
      for (Buffer *other : placed)
        if (other->first <= buffer->last && buffer->first <= other->last)
          busy.push_back({other->offset, other->offset + other->bytes});
      llvm::sort(busy);
      int64_t offset = 0;
      for (auto [begin, end] : busy) {
        if (offset + buffer->bytes <= begin)
          break;
        offset = std::max<int64_t>(offset, llvm::alignTo(end, kAlignment));
      }
      buffer->offset = offset;
      total = std::max(total, offset + buffer->bytes);
      placed.push_back(buffer);
    }
    total = static_cast<int64_t>(llvm::alignTo(total, kAlignment));

    OpBuilder builder(func.getContext());
    auto workspaceType = MemRefType::get({total}, builder.getI8Type());
    BlockArgument workspace = body.addArgument(workspaceType, func.getLoc());
    SmallVector<DictionaryAttr> argAttrs;
    func.getAllArgAttrs(argAttrs);
    argAttrs.push_back(builder.getDictionaryAttr({}));
    func.setFunctionType(
        builder.getFunctionType(body.getArgumentTypes(), {}));
    func.setAllArgAttrs(argAttrs);
    // The ABI requires inputs, outputs and workspace not to overlap; saying
    // so lets LLVM keep accumulators in registers and vectorise loops
    // without runtime overlap checks.
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
      func.setArgAttr(i, LLVM::LLVMDialect::getNoAliasAttrName(),
                      builder.getUnitAttr());
    func->setAttr("ghost.workspace_size", builder.getI64IntegerAttr(total));
    for (Buffer &buffer : buffers) {
      builder.setInsertionPoint(buffer.alloc);
      Location loc = buffer.alloc.getLoc();
      Value offset = arith::ConstantIndexOp::create(builder, loc, buffer.offset);
      Value view = memref::ViewOp::create(builder, loc, buffer.alloc.getType(),
                                          workspace, offset, ValueRange{});
      buffer.alloc.getResult().replaceAllUsesWith(view);
      buffer.alloc.erase();
    }
    // One-shot bufferization frees nothing itself; drop any dealloc left.
    func.walk([](memref::DeallocOp dealloc) { dealloc.erase(); });
    return success();
  }
};

} // namespace
