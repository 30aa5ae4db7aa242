//===- ghostc.cpp - the ghostc compiler driver ----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// ghostc model.onnx [-o out] [--emit=import|ghost] [--batch N] [--dim N=V]
//
// The driver owns the process: it parses options, imports the model, runs the
// pipeline up to the requested stage and writes the result. Every error is
// printed as `ghostc: error: <file>: <what>` and ends the run with status 1.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostDialect.h"
#include "ghostc/Import/OnnxImporter.h"
#include "ghostc/InitAll.h"
#include "ghostc/Pipelines/Pipelines.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace llvm;

#ifndef GHOSTC_VERSION
#define GHOSTC_VERSION "unknown"
#endif

namespace {

enum class EmitKind { Import, Ghost };

cl::OptionCategory ghostcCategory("ghostc options");

cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                   cl::desc("<model.onnx | model.onnxtxt>"),
                                   cl::cat(ghostcCategory));

cl::opt<std::string>
    outputFilename("o", cl::value_desc("file"),
                   cl::desc("Output file ('-' for standard output, the "
                            "default)"),
                   cl::init("-"), cl::cat(ghostcCategory));

cl::opt<EmitKind> emitKind(
    "emit", cl::desc("Stage to stop at and print:"),
    cl::values(clEnumValN(EmitKind::Import, "import",
                          "the ghost dialect as imported from ONNX"),
               clEnumValN(EmitKind::Ghost, "ghost",
                          "the ghost dialect after the graph passes")),
    cl::init(EmitKind::Ghost), cl::cat(ghostcCategory));

cl::opt<int64_t> batchSize(
    "batch",
    cl::desc("Value of a symbolic leading (batch) axis of the inputs "
             "(default 1)"),
    cl::init(1), cl::value_desc("N"), cl::cat(ghostcCategory));

cl::list<std::string> dimBindings(
    "dim",
    cl::desc("Bind the symbolic dimension NAME to VALUE (repeatable); takes "
             "precedence over --batch"),
    cl::value_desc("NAME=VALUE"), cl::cat(ghostcCategory));

cl::opt<bool> elideWeights(
    "elide-weights",
    cl::desc("Print large constants as elided placeholders (output no longer "
             "parses back)"),
    cl::init(false), cl::cat(ghostcCategory));

cl::opt<bool> printTiming("timing",
                          cl::desc("Print the time each stage took to "
                                   "standard error"),
                          cl::init(false), cl::cat(ghostcCategory));

/// Prints diagnostics as `ghostc: error: <file>: <message>`; the importer's
/// messages already name the ONNX node.
class DiagnosticPrinter {
public:
  explicit DiagnosticPrinter(MLIRContext &context)
      : handler(&context, [this](Diagnostic &diag) { print(diag); }) {}

  bool sawError() const { return errors > 0; }

private:
  void print(Diagnostic &diag) {
    raw_ostream &os = errs();
    os << "ghostc: ";
    switch (diag.getSeverity()) {
    case DiagnosticSeverity::Error:
      ++errors;
      WithColor(os, HighlightColor::Error) << "error: ";
      break;
    case DiagnosticSeverity::Warning:
      WithColor(os, HighlightColor::Warning) << "warning: ";
      break;
    default:
      WithColor(os, HighlightColor::Note) << "note: ";
      break;
    }
    os << inputFilename << ": " << diag.str() << "\n";
    for (Diagnostic &note : diag.getNotes())
      print(note);
  }

  unsigned errors = 0;
  ScopedDiagnosticHandler handler;
};

void printVersion(raw_ostream &os) {
  os << "ghostc " << GHOSTC_VERSION << "\n"
     << "  built with LLVM/MLIR " << LLVM_VERSION_STRING << "\n";
}

/// Parses the --dim bindings into `options`; reports a malformed one.
LogicalResult parseDims(ghostc::ImportOptions &options) {
  for (const std::string &binding : dimBindings) {
    auto [name, value] = StringRef(binding).split('=');
    int64_t size = 0;
    if (name.empty() || value.getAsInteger(10, size) || size <= 0) {
      WithColor::error(errs(), "ghostc")
          << "--dim expects NAME=VALUE with a positive VALUE, got '" << binding
          << "'\n";
      return failure();
    }
    options.dims[name] = size;
  }
  if (batchSize <= 0) {
    WithColor::error(errs(), "ghostc") << "--batch must be positive\n";
    return failure();
  }
  options.batch = batchSize;
  return success();
}

int run(MLIRContext &context) {
  ghostc::ImportOptions options;
  if (failed(parseDims(options)))
    return 1;
  DiagnosticPrinter diagnostics(context);

  DefaultTimingManager timing;
  timing.setEnabled(printTiming);
  TimingScope root = timing.getRootScope();

  OwningOpRef<ModuleOp> module;
  {
    TimingScope importTimer = root.nest("Import " + inputFilename);
    module = ghostc::importOnnxFile(context, inputFilename, options);
  }
  if (!module || diagnostics.sawError())
    return 1;

  if (emitKind != EmitKind::Import) {
    PassManager pm(&context);
    TimingScope passTimer = root.nest("Graph passes");
    pm.enableTiming(passTimer);
    ghostc::buildGhostGraphPipeline(pm);
    if (failed(pm.run(*module)))
      return 1;
  }

  TimingScope outputTimer = root.nest("Output");
  std::string error;
  auto output = openOutputFile(outputFilename, &error);
  if (!output) {
    WithColor::error(errs(), "ghostc") << error << "\n";
    return 1;
  }
  OpPrintingFlags flags;
  if (elideWeights)
    flags.elideLargeElementsAttrs(16);
  module->print(output->os(), flags);
  output->keep();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(ghostcCategory);
  cl::SetVersionPrinter(printVersion);
  cl::ParseCommandLineOptions(
      argc, argv,
      "ghostc: ahead-of-time compiler for GhostNet-family ONNX models\n\n"
      "  Reads an ONNX model (binary .onnx, or ONNX text syntax .onnxtxt) and\n"
      "  prints it as MLIR in the ghost dialect, as imported (--emit=import)\n"
      "  or after the graph passes (--emit=ghost).\n\n"
      "  Example: ghostc ghostnet.onnx --emit=import --batch 4 -o g.mlir\n");

  DialectRegistry registry;
  ghostc::registerAllDialects(registry);
  MLIRContext context(registry);
  return run(context);
}
