//===- MachineCode.cpp - LLVM dialect to assembly or objects --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Target/Emit.h"

#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;

namespace {

/// The CPU to generate for when none is named: the baseline every machine
/// of the architecture runs.
std::string baselineCpu(const llvm::Triple &triple) {
  if (triple.getArch() == llvm::Triple::x86_64)
    return "x86-64";
  return "generic";
}

llvm::OptimizationLevel optimizationLevel(unsigned level) {
  switch (level) {
  case 0:
    return llvm::OptimizationLevel::O0;
  case 1:
    return llvm::OptimizationLevel::O1;
  case 2:
    return llvm::OptimizationLevel::O2;
  default:
    return llvm::OptimizationLevel::O3;
  }
}

/// Bounds the memory dependences the instruction schedulers track in one
/// region. The kernels are long straight runs of loads and FMAs, and
/// building their dependence graphs with LLVM's default bound (1000 memory
/// operations) took about 40% of GhostNet's compile time; 256 saves nearly
/// all of it. At 64, ResNet-18 ran about 3% slower; at 256 the difference
/// was within the machine's noise. A value given on LLVM's own command line
/// (none in ghostc) is left alone.
void boundSchedulingRegions() {
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("dag-maps-huge-region");
  if (it != options.end() && it->second->getNumOccurrences() == 0)
    (void)it->second->addOccurrence(0, it->first, "256");
}

/// Runs LLVM's default module pipeline for `level` on `module`.
void optimize(llvm::Module &module, llvm::TargetMachine &machine,
              unsigned level) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::ModulePassManager pipeline =
      level == 0
          ? builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
          : builder.buildPerModuleDefaultPipeline(optimizationLevel(level));
  pipeline.run(module, modules);
}

} // namespace

namespace {

/// A target named by TargetOptions, checked and filled in.
struct ResolvedTarget {
  const llvm::Target *target;
  llvm::Triple triple;
  std::string cpu, features;
};

llvm::Expected<ResolvedTarget>
resolveTarget(const ghostc::TargetOptions &options) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargets();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmPrinters();

  ResolvedTarget resolved;
  resolved.triple = llvm::Triple(options.triple.empty()
                                     ? llvm::sys::getDefaultTargetTriple()
                                     : llvm::Triple::normalize(options.triple));
  std::string error;
  resolved.target = llvm::TargetRegistry::lookupTarget(resolved.triple, error);
  if (!resolved.target)
    return llvm::createStringError("unsupported target triple '" +
                                   resolved.triple.str() + "': " + error);
  resolved.cpu =
      options.cpu.empty() ? baselineCpu(resolved.triple) : options.cpu;
  if (resolved.cpu == "native") {
    resolved.cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      resolved.features +=
          (feature.second ? "+" : "-") + feature.first().str() + ",";
    return resolved;
  }
  // Checked with a CPU-less subtarget, so that LLVM prints no warning of
  // its own about an unknown name.
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      resolved.target->createMCSubtargetInfo(resolved.triple, "", ""));
  if (resolved.cpu != "generic" &&
      (!info || !info->isCPUStringValid(resolved.cpu)))
    return llvm::createStringError("unknown CPU '" + resolved.cpu +
                                   "' for target " + resolved.triple.str());
  return resolved;
}

} // namespace

llvm::Expected<ghostc::TargetDescription>
ghostc::describeTarget(const TargetOptions &options) {
  llvm::Expected<ResolvedTarget> resolved = resolveTarget(options);
  if (!resolved)
    return resolved.takeError();
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      resolved->target->createMCSubtargetInfo(resolved->triple, resolved->cpu,
                                              resolved->features));
  auto has = [&](llvm::StringRef feature) {
    return info && info->checkFeatures(("+" + feature).str());
  };
  TargetDescription description;
  description.triple = resolved->triple.str();
  description.cpu = resolved->cpu;
  if (resolved->triple.isX86()) {
    // AVX-512 doubles both the width and the number of vector registers.
    bool avx512 = has("avx512f");
    description.vectorBits = avx512 ? 512 : has("avx") ? 256 : 128;
    description.vectorRegisters = avx512 ? 32 : 16;
    description.fma = has("fma") || avx512;
  } else if (resolved->triple.isAArch64()) {
    // NEON (Advanced SIMD) is part of the AArch64 baseline: 32 registers
    // of 128 bits with FMLA.
    description.vectorBits = 128;
    description.vectorRegisters = 32;
    description.fma = true;
  }
  return description;
}

LogicalResult ghostc::emitMachineCode(ModuleOp module,
                                      const TargetOptions &options,
                                      MachineOutput kind,
                                      llvm::raw_pwrite_stream &os,
                                      TimingScope &timing) {
  // Errors are reported at the module's location, not on the module: an
  // op's diagnostic would print the whole module as a note.
  Location loc = module.getLoc();
  llvm::Expected<ResolvedTarget> resolved = resolveTarget(options);
  if (!resolved)
    return emitError(loc, llvm::toString(resolved.takeError()));
  const llvm::Triple &triple = resolved->triple;
  const std::string &cpu = resolved->cpu;
  auto codeGenLevel = options.optLevel == 0   ? llvm::CodeGenOptLevel::None
                      : options.optLevel == 1 ? llvm::CodeGenOptLevel::Less
                      : options.optLevel == 2
                          ? llvm::CodeGenOptLevel::Default
                          : llvm::CodeGenOptLevel::Aggressive;
  std::unique_ptr<llvm::TargetMachine> machine(
      resolved->target->createTargetMachine(
          triple, cpu, resolved->features, llvm::TargetOptions(),
          llvm::Reloc::PIC_, std::nullopt, codeGenLevel));
  if (!machine)
    return emitError(loc, "cannot create a target machine for ")
           << triple.str();

  llvm::LLVMContext context;
  TimingScope translateTimer = timing.nest("Translate to LLVM IR");
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return emitError(loc, "cannot translate the module to LLVM IR");
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  translateTimer.stop();
  TimingScope optimizeTimer = timing.nest("LLVM optimisation");
  optimize(*llvmModule, *machine, options.optLevel);
  optimizeTimer.stop();

  if (kind == MachineOutput::LLVMIR) {
    llvmModule->print(os, nullptr);
    return success();
  }
  TimingScope codegenTimer = timing.nest("LLVM code generation");
  boundSchedulingRegions();
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   kind == MachineOutput::Object
                                       ? llvm::CodeGenFileType::ObjectFile
                                       : llvm::CodeGenFileType::AssemblyFile))
    return emitError(loc, "the target cannot emit this kind of file");
  codegen.run(*llvmModule);
  return success();
}
