//===- Emit.h - machine code and the C header -------------------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The last stage of ghostc: the LLVM dialect module becomes LLVM IR, is
// optimised, and is written as assembly or an object file by LLVM's
// TargetMachine for any triple this LLVM supports (cross-compiling needs no
// other tool). The C header describing the generated ABI is written from the
// model function before lowering.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_TARGET_EMIT_H
#define GHOSTC_TARGET_EMIT_H

#include "ghostc/Target/TargetDescription.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace ghostc {

/// What to generate code for.
struct TargetOptions {
  /// Target triple; empty means the host's.
  std::string triple;
  /// CPU name; empty means a portable baseline for the triple, `native` the
  /// host CPU with its features.
  std::string cpu;
  /// 0 to 3, as -O0 .. -O3.
  unsigned optLevel = 3;
};

/// The kinds of output after the LLVM dialect.
enum class MachineOutput { LLVMIR, Assembly, Object };

/// What the kernels need to know of the target `options` name (vector width,
/// register count, FMA), from LLVM's own description of the CPU and its
/// features. An error when `options` name no target or CPU this LLVM
/// supports, so that a bad --mtriple or --mcpu fails before any compilation
/// work.
llvm::Expected<TargetDescription> describeTarget(const TargetOptions &options);

/// Translates `module` (LLVM dialect) to LLVM IR, optimises it at the
/// requested level and writes `kind` to `os`. An ELF object is generated in
/// partitions on the threads of the module's context and linked into one,
/// its weights written as bytes, never through LLVM (they are taken out of
/// `module`, which is left with declarations of them). Errors are reported
/// as diagnostics on `module`. The translation, LLVM's optimisation and its
/// code generation are timed as scopes nested in `timing`.
mlir::LogicalResult emitMachineCode(mlir::ModuleOp module,
                                    const TargetOptions &options,
                                    MachineOutput kind,
                                    llvm::raw_pwrite_stream &os,
                                    mlir::TimingScope &timing);

/// Writes the C header of the model function `main` (as imported: tensor
/// arguments and results with their `ghost.onnx_name`) for symbols named
/// `<prefix>_...`; `source` names the model file in the header's comment.
/// `profiled` declares the tables of an object built with `--profile`.
void emitHeader(mlir::func::FuncOp main, llvm::StringRef prefix,
                llvm::StringRef source, bool profiled, llvm::raw_ostream &os);

} // namespace ghostc

#endif // GHOSTC_TARGET_EMIT_H
