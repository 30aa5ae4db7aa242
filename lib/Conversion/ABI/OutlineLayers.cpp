//===- OutlineLayers.cpp - one function per layer -------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// After the memory plan and the kernels, the model function is a long list
// of loop nests over views of its arguments. Given to LLVM as one function,
// it is slow to optimise (the optimiser's cost grows faster than the
// function) and opaque to profilers, and LLVM cannot tell the workspace's
// buffers apart, so it keeps sums in memory and vectorises nothing that
// reads one buffer and writes another. This pass moves each layer, the loop
// nests that came from one ONNX node, into a function of its own whose
// arguments are the buffers it uses, each `noalias` when it shares no byte
// with the others (the memory plan knows the offsets). The buffers stay
// where the memory plan put them; the layer functions are plain
// bare-pointer functions like the model's.
//
//===----------------------------------------------------------------------===//

#include "NodeName.h"
#include "ghostc/Conversion/Passes.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/SetVector.h"

#include <limits>

namespace ghostc {
#define GEN_PASS_DEF_GHOSTOUTLINELAYERS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;
using ghostc::nodeName;

namespace {

/// The loop nests of one ONNX node, in program order.
struct Layer {
  StringRef node;
  SmallVector<Operation *> ops;
};


/// Work a layer does: anything with a body or with memory effects. Views and
/// constants are not work; each layer clones the ones it reads.
bool isWork(Operation &op) {
  return op.getNumRegions() > 0 || !isMemoryEffectFree(&op);
}

/// `node` as a symbol: "layer." then its letters, digits, '_' and '.', with
/// anything else as '_'. The dot keeps layer names apart from every C
/// identifier, and so from the entry points ghost-emit-c-interface adds.
std::string symbolFor(StringRef node) {
  std::string name = "layer.";
  for (char c : node)
    name += llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_';
  if (node.empty())
    name += "anonymous";
  return name;
}

struct GhostOutlineLayersPass
    : ghostc::impl::GhostOutlineLayersBase<GhostOutlineLayersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    for (auto func : llvm::to_vector(module.getOps<func::FuncOp>()))
      if (func->hasAttr("ghost.workspace_size") && func.getBody().hasOneBlock())
        outline(func, symbols);
  }

  /// The layers of `model`, or nothing when a layer's results are used by
  /// another (no lowering makes such IR; the function is then left whole).
  static SmallVector<Layer> findLayers(Block &body) {
    SmallVector<Layer> layers;
    for (Operation &op : body.without_terminator()) {
      if (!isWork(op))
        continue;
      StringRef node = nodeName(op.getLoc());
      if (layers.empty() || layers.back().node != node)
        layers.push_back({node, {}});
      layers.back().ops.push_back(&op);
    }
    for (Layer &layer : layers)
      for (Operation *op : layer.ops)
        for (Operation *user : op->getUsers()) {
          Operation *top = body.findAncestorOpInBlock(*user);
          if (!top || !llvm::is_contained(layer.ops, top))
            return {};
        }
    return layers;
  }

  /// A buffer a layer function takes as an argument: one of the model
  /// function's arguments, or a view of the workspace at a constant offset.
  /// [begin, end) is the byte range it covers in `base`.
  struct Root {
    Value value;
    Value base;
    int64_t begin, end;
  };

  /// `value` as a root, if it is one.
  static std::optional<Root> asRoot(Value value, Value workspace) {
    if (isa<BlockArgument>(value)) {
      auto type = cast<MemRefType>(value.getType());
      int64_t bytes = type.hasStaticShape()
                          ? type.getNumElements() *
                                llvm::divideCeil(type.getElementTypeBitWidth(), 8)
                          : std::numeric_limits<int64_t>::max();
      return Root{value, value, 0, bytes};
    }
    auto view = value.getDefiningOp<memref::ViewOp>();
    if (!view || view.getSource() != workspace || !view.getSizes().empty() ||
        !view.getType().getLayout().isIdentity())
      return std::nullopt;
    std::optional<int64_t> offset = getConstantIntValue(view.getByteShift());
    if (!offset)
      return std::nullopt;
    MemRefType type = view.getType();
    int64_t bytes = type.getNumElements() *
                    llvm::divideCeil(type.getElementTypeBitWidth(), 8);
    return Root{value, workspace, *offset, *offset + bytes};
  }

  void outline(func::FuncOp model, SymbolTable &symbols) {
    Block &body = model.getBody().front();
    Value workspace = body.getArguments().back();
    MLIRContext *context = &getContext();
    llvm::StringMap<unsigned> uses;
    for (Layer &layer : findLayers(body)) {
      std::string name = symbolFor(layer.node);
      if (unsigned seen = uses[name]++)
        name += "." + std::to_string(seen);
      Location loc = layer.ops.front()->getLoc();

      // The buffers the layer reads and writes, in order of first use, and
      // the views and constants it builds on them (cloned into the layer).
      SmallVector<Root> roots;
      llvm::SetVector<Operation *> cloned;
      llvm::DenseSet<Value> seen;
      std::function<void(Value)> require = [&](Value value) {
        if (!seen.insert(value).second)
          return;
        if (std::optional<Root> root = asRoot(value, workspace)) {
          roots.push_back(*root);
          return;
        }
        Operation *def = value.getDefiningOp();
        if (!def || llvm::is_contained(layer.ops, def))
          return;
        for (Value operand : def->getOperands())
          require(operand);
        cloned.insert(def);
      };
      for (Operation *op : layer.ops)
        op->walk([&](Operation *nested) {
          for (Value operand : nested->getOperands())
            if (!op->isAncestor(operand.getParentBlock()->getParentOp()))
              require(operand);
        });

      OpBuilder builder(model);
      SmallVector<Type> argTypes;
      for (const Root &root : roots)
        argTypes.push_back(root.value.getType());
      auto fn = func::FuncOp::create(builder, loc, name,
                                     builder.getFunctionType(argTypes, {}));
      fn.setPrivate();
      // A buffer that shares no byte with the layer's other buffers is
      // `noalias`: the memory plan and the ABI guarantee it, and it lets
      // LLVM keep sums in registers and vectorise without overlap checks.
      for (auto [i, entry] : llvm::enumerate(roots)) {
        // A named reference: lambdas capture structured bindings only
        // from C++20.
        const Root &root = entry;
        bool disjoint = llvm::all_of(roots, [&](const Root &other) {
          return &other == &root || other.base != root.base ||
                 other.end <= root.begin || root.end <= other.begin;
        });
        if (disjoint)
          fn.setArgAttr(i, LLVM::LLVMDialect::getNoAliasAttrName(),
                        builder.getUnitAttr());
      }
      fn->setAttr("llvm.linkage",
                  LLVM::LinkageAttr::get(context, LLVM::Linkage::Internal));
      fn->setAttr("passthrough", builder.getStrArrayAttr({"noinline"}));
      symbols.insert(fn);

      Block *entry = fn.addEntryBlock();
      IRMapping mapping;
      SmallVector<Value> operands;
      for (auto [root, arg] : llvm::zip(roots, entry->getArguments())) {
        mapping.map(root.value, arg);
        operands.push_back(root.value);
      }
      OpBuilder inner = OpBuilder::atBlockEnd(entry);
      for (Operation *op : cloned)
        inner.clone(*op, mapping);
      for (Operation *op : layer.ops)
        inner.clone(*op, mapping);
      func::ReturnOp::create(inner, loc);

      // After the last op: every buffer the layer uses is defined by then.
      builder.setInsertionPointAfter(layer.ops.back());
      func::CallOp::create(builder, loc, fn, operands);
      for (Operation *op : llvm::reverse(layer.ops))
        op->erase();
    }
  }
};

} // namespace
