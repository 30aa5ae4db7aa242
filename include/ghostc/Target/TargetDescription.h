//===- TargetDescription.h - what the kernels know of a target --*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The facts about a target CPU that the kernel passes choose tiles from. The
// driver resolves them once from --mtriple/--mcpu (describeTarget in
// Emit.h) and records them on the module as the `ghost.target` dictionary,
// so that a module printed at any stage, run through ghostc-opt, is lowered
// exactly as ghostc lowered it:
//
//   module attributes {ghost.target = {cpu = "znver5", fma = true,
//       triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64,
//       vector_registers = 32 : i64}} { ... }
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_TARGET_TARGETDESCRIPTION_H
#define GHOSTC_TARGET_TARGETDESCRIPTION_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"

#include <optional>
#include <string>

namespace ghostc {

/// A target CPU as the kernels see it.
struct TargetDescription {
  std::string triple, cpu;
  /// Width of the widest vector registers the kernels may use.
  int64_t vectorBits = 128;
  /// How many of them there are.
  int64_t vectorRegisters = 16;
  /// Whether the target has fused multiply-add instructions.
  bool fma = false;

  /// f32 lanes per vector register.
  int64_t f32Lanes() const { return std::max<int64_t>(vectorBits / 32, 1); }

  /// The module attribute that records the description.
  static constexpr llvm::StringLiteral attrName = "ghost.target";

  /// Records the description on `module`.
  void record(mlir::ModuleOp module) const {
    mlir::Builder b(module.getContext());
    module->setAttr(
        attrName,
        b.getDictionaryAttr({
            b.getNamedAttr("triple", b.getStringAttr(triple)),
            b.getNamedAttr("cpu", b.getStringAttr(cpu)),
            b.getNamedAttr("vector_bits", b.getI64IntegerAttr(vectorBits)),
            b.getNamedAttr("vector_registers",
                           b.getI64IntegerAttr(vectorRegisters)),
            b.getNamedAttr("fma", b.getBoolAttr(fma)),
        }));
  }

  /// The description recorded on the module around `op`, if there is one
  /// with positive sizes.
  static std::optional<TargetDescription> lookup(mlir::Operation *op) {
    auto module = llvm::dyn_cast<mlir::ModuleOp>(op);
    if (!module)
      module = op->getParentOfType<mlir::ModuleOp>();
    if (!module)
      return std::nullopt;
    auto dict = module->getAttrOfType<mlir::DictionaryAttr>(attrName);
    if (!dict)
      return std::nullopt;
    TargetDescription target;
    if (auto text = dict.getAs<mlir::StringAttr>("triple"))
      target.triple = text.str();
    if (auto text = dict.getAs<mlir::StringAttr>("cpu"))
      target.cpu = text.str();
    auto bits = dict.getAs<mlir::IntegerAttr>("vector_bits");
    auto registers = dict.getAs<mlir::IntegerAttr>("vector_registers");
    if (!bits || !registers || bits.getInt() < 32 || registers.getInt() < 1)
      return std::nullopt;
    target.vectorBits = bits.getInt();
    target.vectorRegisters = registers.getInt();
    if (auto fma = dict.getAs<mlir::BoolAttr>("fma"))
      target.fma = fma.getValue();
    return target;
  }
};

} // namespace ghostc

#endif // GHOSTC_TARGET_TARGETDESCRIPTION_H
