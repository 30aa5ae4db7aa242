//===- Partition.h - a model's LLVM module in parts -------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// LLVM optimises and generates code for one module on one thread. A model
// is one function per layer, called from the entry point, so its module
// splits into parts that are optimised and code-generated on all cores at
// once, each in its own LLVMContext (an LLVMContext is not thread-safe), and
// linked back into one object (ElfLink.h).
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_TARGET_PARTITION_H
#define GHOSTC_LIB_TARGET_PARTITION_H

#include "ghostc/Support/Weights.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <cstdint>
#include <vector>

namespace llvm {
class Module;
} // namespace llvm

namespace ghostc {

/// A module split into partitions.
struct ModulePartitions {
  /// Each partition as bitcode, to be read into a context of its own.
  std::vector<llvm::SmallVector<char, 0>> code;
  /// The symbols that were local to the module and are now visible to the
  /// other partitions (hidden): the linked object makes them local again.
  llvm::StringSet<> madeVisible;
};

/// Splits `module` into at most `maxPartitions` partitions, balanced by the
/// size of their functions, and writes each as bitcode. A function or a
/// global is defined in exactly one partition and declared where it is
/// used, except for small local constants, which every partition that uses
/// them gets a private copy of. The partitions depend only on `module` and
/// `maxPartitions`, so that the object is the same for any number of
/// threads. A module with aliases or ifuncs (which this does not place)
/// stays whole: one partition. `module` is changed (symbols made visible)
/// and should be dropped afterwards.
ModulePartitions partitionModule(llvm::Module &module, unsigned maxPartitions);

} // namespace ghostc

#endif // GHOSTC_LIB_TARGET_PARTITION_H
