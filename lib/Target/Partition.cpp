//===- Partition.cpp - a model's LLVM module in parts ---------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Functions go to partitions largest first, each to the least loaded one
// (their instruction count is the load), which balances the parts within a
// layer's size. Globals go where the functions that use them are (the
// weights are no longer in the module: see takeConstantData in
// MachineCode.cpp). A value used from another
// partition (the entry point calls every layer) is made hidden and external
// for the partitions' objects to link, and made local again in the linked
// object, so that the object exports what it did unsplit.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/Mangler.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

using namespace llvm;

namespace {

/// Where a global value is used from.
struct Uses {
  /// The partitions of the functions using it.
  SmallSetVector<unsigned, 4> partitions;
  /// Whether a global's initializer refers to it.
  bool byGlobal = false;
};

/// Adds to `uses` where `value` is used from, given the partition of every
/// function (`homeOf`).
void collectUses(const Value *value,
                 const DenseMap<const GlobalValue *, unsigned> &homeOf,
                 Uses &uses) {
  for (const User *user : value->users()) {
    if (const auto *instruction = dyn_cast<Instruction>(user))
      uses.partitions.insert(homeOf.at(instruction->getFunction()));
    else if (isa<GlobalValue>(user))
      uses.byGlobal = true;
    else if (isa<Constant>(user))
      collectUses(user, homeOf, uses);
  }
}

/// The number of instructions of `function`: roughly what optimising it
/// and generating its code cost.
size_t instructionCount(const Function &function) {
  size_t count = 0;
  for (const BasicBlock &block : function)
    count += block.size();
  return count;
}

} // namespace

ghostc::ModulePartitions ghostc::partitionModule(Module &module,
                                                 unsigned maxPartitions) {
  ModulePartitions result;
  SmallVector<Function *> functions;
  for (Function &function : module)
    if (!function.isDeclaration())
      functions.push_back(&function);
  unsigned count = std::clamp<size_t>(functions.size(), 1, maxPartitions);
  if (!module.alias_empty() || !module.ifunc_empty())
    count = 1;

  // A model's code throws no exceptions (it calls no function that could);
  // said on every function, so that calls between partitions need no
  // unwind tables, as none did unsplit.
  for (Function *function : functions)
    function->addFnAttr(Attribute::NoUnwind);

  // Functions, largest first (in module order among equals), each to the
  // least loaded partition (the first among equals).
  SmallVector<std::pair<size_t, Function *>> bySize;
  for (Function *function : functions)
    bySize.push_back({instructionCount(*function), function});
  llvm::stable_sort(
      bySize, [](const auto &a, const auto &b) { return a.first > b.first; });
  DenseMap<const GlobalValue *, unsigned> homeOf;
  SmallVector<size_t> load(count, 0);
  for (auto [size, function] : bySize) {
    unsigned least = std::min_element(load.begin(), load.end()) - load.begin();
    homeOf[function] = least;
    load[least] += size;
  }

  // Globals: defined where used, copied when small, constant and local,
  // else defined once and made visible to the others.
  DenseMap<const GlobalValue *, SmallSetVector<unsigned, 4>> copiedTo;
  SmallVector<GlobalValue *> toShare;
  const DataLayout &layout = module.getDataLayout();
  for (GlobalVariable &global : module.globals()) {
    if (global.isDeclaration())
      continue;
    Uses uses;
    collectUses(&global, homeOf, uses);
    bool local = global.hasLocalLinkage();
    if (!uses.byGlobal && uses.partitions.size() > 1 && local &&
        global.isConstant() &&
        layout.getTypeAllocSize(global.getValueType()) <=
            maxCodeConstantBytes) {
      copiedTo[&global] = uses.partitions;
      continue;
    }
    homeOf[&global] = uses.partitions.empty() ? 0 : uses.partitions[0];
    if (local && (uses.byGlobal || uses.partitions.size() > 1))
      toShare.push_back(&global);
  }
  for (Function *function : functions) {
    Uses uses;
    collectUses(function, homeOf, uses);
    unsigned home = homeOf.at(function);
    if (function->hasLocalLinkage() &&
        (uses.byGlobal || llvm::any_of(uses.partitions,
                                       [&](unsigned p) { return p != home; })))
      toShare.push_back(function);
  }
  Mangler mangler;
  for (GlobalValue *value : toShare) {
    if (!value->hasName())
      value->setName("ghostc.partition.shared");
    value->setLinkage(GlobalValue::ExternalLinkage);
    value->setVisibility(GlobalValue::HiddenVisibility);
    value->setDSOLocal(true);
    SmallString<64> symbol;
    mangler.getNameWithPrefix(symbol, value, /*CannotUsePrivateLabel=*/false);
    result.madeVisible.insert(symbol);
  }

  for (unsigned partition = 0; partition < count; ++partition) {
    ValueToValueMapTy map;
    std::unique_ptr<Module> part =
        CloneModule(module, map, [&](const GlobalValue *value) {
          auto copies = copiedTo.find(value);
          if (copies != copiedTo.end())
            return copies->second.contains(partition);
          auto home = homeOf.find(value);
          return home != homeOf.end() ? home->second == partition
                                      : partition == 0;
        });
    raw_svector_ostream os(result.code.emplace_back());
    WriteBitcodeToFile(*part, os);
  }
  return result;
}
