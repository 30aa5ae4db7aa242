//===- ShareLayers.cpp - one function for identical layers ----------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Networks repeat their blocks: GhostNet 1.0x has 74 layer functions, of
// which 20 are another's twin but for the weights they read (the four
// 960-channel Ghost modules of its last stage, the residual adds of a
// stage...). Each twin cost LLVM a full optimisation and code generation.
// This pass keeps one function per class of twins and passes it the weights
// as arguments, so that the code is generated once.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Conversion/Passes.h"

#include "mlir/IR/SymbolTable.h"

namespace ghostc {
#define GEN_PASS_DEF_GHOSTSHARELAYERS
#include "ghostc/Conversion/Passes.h.inc"
} // namespace ghostc

using namespace mlir;

namespace {

/// The top-level get_global ops of `fn`, in order.
SmallVector<memref::GetGlobalOp> globalsOf(func::FuncOp fn) {
  return llvm::to_vector(fn.getBody().front().getOps<memref::GetGlobalOp>());
}

/// Whether `a` and `b` compute the same thing but for the globals they
/// read: the same signature and argument attributes, and the same ops in the
/// same order, where the i-th top-level get_global of each has the same type
/// (any name). A get_global nested in a region makes them differ.
bool areTwins(func::FuncOp a, func::FuncOp b) {
  if (a.getFunctionType() != b.getFunctionType() ||
      a.getAllArgAttrs() != b.getAllArgAttrs())
    return false;
  Block &left = a.getBody().front(), &right = b.getBody().front();
  if (left.getOperations().size() != right.getOperations().size())
    return false;
  DenseMap<Value, Value> same;
  for (auto [x, y] : llvm::zip(left.getArguments(), right.getArguments()))
    same[x] = y;
  auto check = [&](Value x, Value y) {
    return success(x == y || same.lookup(x) == y);
  };
  auto mark = [&](Value x, Value y) { same[x] = y; };
  for (auto [x, y] : llvm::zip(left, right)) {
    auto gx = dyn_cast<memref::GetGlobalOp>(x);
    auto gy = dyn_cast<memref::GetGlobalOp>(y);
    if (gx || gy) {
      if (!gx || !gy || gx.getType() != gy.getType())
        return false;
      same[gx.getResult()] = gy.getResult();
      continue;
    }
    if (!OperationEquivalence::isEquivalentTo(
            &x, &y, check, mark, OperationEquivalence::IgnoreLocations))
      return false;
  }
  return true;
}

struct GhostShareLayers
    : ghostc::impl::GhostShareLayersBase<GhostShareLayers> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Candidates: private functions with a body, used only by calls.
    DenseMap<func::FuncOp, SmallVector<func::CallOp>> callers;
    SmallVector<func::FuncOp> candidates;
    SymbolTable symbols(module);
    module.walk([&](func::CallOp call) {
      if (auto fn = symbols.lookup<func::FuncOp>(call.getCallee()))
        callers[fn].push_back(call);
    });
    // Every use of a symbol, counted in one walk: a function whose uses
    // are not all calls (its address taken, say) is left alone.
    DenseMap<StringAttr, unsigned> uses;
    if (std::optional<SymbolTable::UseRange> all =
            SymbolTable::getSymbolUses(&module.getBodyRegion()))
      for (const SymbolTable::SymbolUse &use : *all)
        ++uses[use.getSymbolRef().getRootReference()];
    // Its globals become read-only arguments: only constant ones qualify.
    auto readsConstants = [&](func::FuncOp fn) {
      return llvm::all_of(globalsOf(fn), [&](memref::GetGlobalOp get) {
        auto global = symbols.lookup<memref::GlobalOp>(get.getName());
        return global && global.getConstant();
      });
    };
    for (auto fn : module.getOps<func::FuncOp>())
      if (fn.isPrivate() && !fn.isExternal() && fn.getBody().hasOneBlock() &&
          uses.lookup(fn.getSymNameAttr()) == callers.lookup(fn).size() &&
          readsConstants(fn))
        candidates.push_back(fn);

    // Classes of twins, the first in module order representing each.
    SmallVector<SmallVector<func::FuncOp>> classes;
    for (func::FuncOp fn : candidates) {
      auto twin = llvm::find_if(classes, [&](ArrayRef<func::FuncOp> members) {
        return areTwins(members.front(), fn);
      });
      if (twin != classes.end())
        twin->push_back(fn);
      else
        classes.push_back({fn});
    }
    for (ArrayRef<func::FuncOp> members : classes)
      if (members.size() > 1)
        share(members, callers);
  }

  /// Turns the first of `members` into a function that takes its globals as
  /// trailing arguments, calls it wherever any member was called, with that
  /// member's globals, and erases the others.
  void share(ArrayRef<func::FuncOp> members,
             DenseMap<func::FuncOp, SmallVector<func::CallOp>> &callers) {
    func::FuncOp shared = members.front();
    // Each member's globals, before the shared body loses its own.
    SmallVector<SmallVector<FlatSymbolRefAttr>> globals;
    for (func::FuncOp member : members)
      globals.push_back(llvm::map_to_vector(
          globalsOf(member),
          [](memref::GetGlobalOp get) { return get.getNameAttr(); }));
    SmallVector<memref::GetGlobalOp> gets = globalsOf(shared);
    SmallVector<Type> types = llvm::map_to_vector(
        gets, [](memref::GetGlobalOp get) { return Type(get.getType()); });
    Block &entry = shared.getBody().front();
    UnitAttr unit = UnitAttr::get(shared.getContext());
    for (memref::GetGlobalOp get : gets) {
      unsigned index = shared.getNumArguments();
      // Constant weights, apart from every buffer the layer writes.
      (void)shared.insertArgument(
          index, get.getType(),
          DictionaryAttr::get(
              shared.getContext(),
              {NamedAttribute(LLVM::LLVMDialect::getNoAliasAttrName(), unit),
               NamedAttribute(LLVM::LLVMDialect::getReadonlyAttrName(),
                              unit)}),
          get.getLoc());
      get.getResult().replaceAllUsesWith(entry.getArgument(index));
      get.erase();
    }
    for (auto [member, names] : llvm::zip(members, globals)) {
      for (func::CallOp call : callers.lookup(member)) {
        OpBuilder b(call);
        SmallVector<Value> operands(call.getOperands());
        for (auto [name, type] : llvm::zip(names, types))
          operands.push_back(memref::GetGlobalOp::create(
              b, call.getLoc(), type, name.getValue()));
        func::CallOp::create(b, call.getLoc(), shared, operands);
        call.erase();
      }
      if (member != shared)
        member->erase();
    }
  }
};

} // namespace
