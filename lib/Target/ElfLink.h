//===- ElfLink.h - one relocatable ELF object from several ------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// ghostc generates code for the partitions of a model in parallel, one
// object each, and writes one object: what `ld -r` does, for the objects
// LLVM writes (ELF64, little-endian, RELA relocations, no groups), without
// depending on a linker being installed for the target.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_TARGET_ELFLINK_H
#define GHOSTC_LIB_TARGET_ELFLINK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace ghostc {

/// A local symbol of read-only data for the linked object to define: a
/// model's weights, as bytes rather than through LLVM.
struct DataSymbol {
  std::string name;
  llvm::ArrayRef<char> bytes;
  uint64_t alignment;
};

/// Writes to `os` one ELF64 little-endian relocatable object holding every
/// section of `objects` (relocatable objects of one machine), each kept as
/// a section of its own, so that no offset or addend changes, and a
/// `.rodata` section defining the local symbols `data`. References to an
/// undefined symbol that another object or `data` defines are bound to
/// that definition; the defined global symbols named in `localize` become
/// local (symbols that were local before the module was split), the others
/// stay global. An error names what the objects hold that this cannot link:
/// two definitions of a symbol, section groups, REL relocations, more
/// sections than the ELF header counts.
llvm::Error linkRelocatableObjects(llvm::ArrayRef<llvm::StringRef> objects,
                                   llvm::ArrayRef<DataSymbol> data,
                                   const llvm::StringSet<> &localize,
                                   llvm::raw_ostream &os);

} // namespace ghostc

#endif // GHOSTC_LIB_TARGET_ELFLINK_H
