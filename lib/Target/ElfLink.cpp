//===- ElfLink.cpp - one relocatable ELF object from several --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The output is laid out as
//
//   ELF header | each input's sections, in input order | .rodata of the
//   data symbols | .symtab | .strtab | .shstrtab | section headers
//
// Sections are copied whole (a model's `.text` is one section per
// partition), so symbol values and relocation offsets and addends stay as
// the code generator wrote them; only section and symbol indices change.
// The symbol table lists every input's local symbols and the symbols made
// local, then the data symbols, then the global ones, as ELF requires
// locals first.
//
//===----------------------------------------------------------------------===//

#include "ElfLink.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/MathExtras.h"

#include <optional>
#include <string>
#include <vector>

using namespace llvm;

namespace {

using ELFT = object::ELF64LE;
using Header = ELFT::Ehdr;
using SectionHeader = ELFT::Shdr;
using Symbol = ELFT::Sym;
using Relocation = ELFT::Rela;

/// A string table under construction; offset 0 is the empty string.
class StringTable {
public:
  uint32_t add(StringRef text) {
    if (text.empty())
      return 0;
    auto [it, inserted] = offsets.try_emplace(text, data.size());
    if (inserted) {
      data.append(text.begin(), text.end());
      data.push_back('\0');
    }
    return it->second;
  }
  StringRef contents() const { return data; }

private:
  std::string data{'\0'};
  StringMap<uint32_t> offsets;
};

/// Bytes at an offset of a section.
struct Piece {
  uint64_t offset;
  ArrayRef<uint8_t> bytes;
};

/// One section of the output: its header and its bytes, borrowed from
/// inputs (zeros between the pieces) or, for relocations, rewritten.
struct OutputSection {
  SectionHeader header;
  StringRef name;
  std::vector<Piece> pieces;
  std::vector<Relocation> relocations;

  uint64_t size() const {
    if (!relocations.empty())
      return relocations.size() * sizeof(Relocation);
    return pieces.empty() ? 0
                          : pieces.back().offset + pieces.back().bytes.size();
  }
};

/// A symbol's place in the output table before its index is known: locals
/// are numbered as they come, globals only once every local is counted.
struct SymbolSlot {
  enum Kind { None, Local, Global } kind = None;
  uint32_t position = 0;
};

/// An input object, parsed, with its symbol table and where its sections
/// and symbols went.
struct Input {
  object::ELFFile<ELFT> file;
  ArrayRef<Symbol> symbols;           // the symbol table
  StringRef strings;                  // its names
  uint32_t firstGlobal = 0;           // the symbols before it are local
  std::vector<uint32_t> sectionIndex; // input section -> output section
  std::vector<SymbolSlot> symbolSlot; // input symbol -> output slot
};

Error unsupported(size_t input, const Twine &what) {
  return createStringError("cannot link partition " + Twine(input) + ": " +
                           what);
}

template <typename T> void writeRaw(raw_ostream &os, const T &value) {
  os.write(reinterpret_cast<const char *>(&value), sizeof(T));
}

} // namespace

Error ghostc::linkRelocatableObjects(ArrayRef<StringRef> objects,
                                     ArrayRef<DataSymbol> data,
                                     const StringSet<> &localize,
                                     raw_ostream &os) {
  std::vector<Input> inputs;
  for (auto [i, bytes] : llvm::enumerate(objects)) {
    Expected<object::ELFFile<ELFT>> file = object::ELFFile<ELFT>::create(bytes);
    if (!file)
      return file.takeError();
    const Header &header = file->getHeader();
    if (header.e_type != ELF::ET_REL)
      return unsupported(i, "not a relocatable object");
    if (!inputs.empty() &&
        (header.e_machine != inputs[0].file.getHeader().e_machine ||
         header.e_flags != inputs[0].file.getHeader().e_flags))
      return unsupported(i, "another machine than partition 0's");
    inputs.push_back({*file, {}, {}, 0, {}, {}});
  }
  if (inputs.empty())
    return createStringError("no objects to link");

  // Sections, and each input's symbol table.
  std::vector<OutputSection> sections;
  for (auto [i, input] : llvm::enumerate(inputs)) {
    auto inputSections = input.file.sections();
    if (!inputSections)
      return inputSections.takeError();
    input.sectionIndex.assign(inputSections->size(), 0);
    const SectionHeader *symbolTable = nullptr;
    for (auto [k, section] : llvm::enumerate(*inputSections)) {
      if (k == 0)
        continue;
      switch (section.sh_type) {
      case ELF::SHT_SYMTAB:
        if (symbolTable)
          return unsupported(i, "two symbol tables");
        symbolTable = &section;
        continue;
      case ELF::SHT_STRTAB:       // rebuilt
      case ELF::SHT_LLVM_ADDRSIG: // an optional hint, by symbol index
        continue;
      case ELF::SHT_GROUP:
      case ELF::SHT_SYMTAB_SHNDX:
      case ELF::SHT_REL:
      case ELF::SHT_CREL:
      case ELF::SHT_DYNSYM:
        return unsupported(i, "section type " + Twine(section.sh_type));
      default:
        break;
      }
      Expected<StringRef> name = input.file.getSectionName(section);
      if (!name)
        return name.takeError();
      OutputSection output{section, *name, {}, {}};
      if (section.sh_type == ELF::SHT_RELA) {
        auto relocations = input.file.relas(section);
        if (!relocations)
          return relocations.takeError();
        output.relocations.assign(relocations->begin(), relocations->end());
      } else if (section.sh_type != ELF::SHT_NOBITS) {
        auto bytes = input.file.getSectionContents(section);
        if (!bytes)
          return bytes.takeError();
        output.pieces.push_back({0, *bytes});
      }
      sections.push_back(std::move(output));
      input.sectionIndex[k] = sections.size(); // 0 is the null section
    }
    if (!symbolTable)
      return unsupported(i, "no symbol table");
    auto symbols = input.file.symbols(symbolTable);
    if (!symbols)
      return symbols.takeError();
    auto strings = input.file.getStringTableForSymtab(*symbolTable);
    if (!strings)
      return strings.takeError();
    input.symbols = *symbols;
    input.strings = *strings;
    input.firstGlobal = symbolTable->sh_info;
  }
  // The data symbols' section, each symbol at its alignment.
  uint32_t dataIndex = 0;
  std::vector<uint64_t> dataOffsets;
  if (!data.empty()) {
    OutputSection section;
    std::memset(&section.header, 0, sizeof(SectionHeader));
    section.header.sh_type = ELF::SHT_PROGBITS;
    section.header.sh_flags = ELF::SHF_ALLOC;
    section.header.sh_addralign = 1;
    section.name = ".rodata";
    uint64_t offset = 0;
    for (const DataSymbol &symbol : data) {
      uint64_t alignment = std::max<uint64_t>(symbol.alignment, 1);
      if (!isPowerOf2_64(alignment))
        return createStringError("data '" + symbol.name +
                                 "' has an alignment of no power of 2");
      offset = alignTo(offset, alignment);
      dataOffsets.push_back(offset);
      section.pieces.push_back(
          {offset,
           ArrayRef(reinterpret_cast<const uint8_t *>(symbol.bytes.data()),
                    symbol.bytes.size())});
      offset += symbol.bytes.size();
      section.header.sh_addralign =
          std::max<uint64_t>(section.header.sh_addralign, alignment);
    }
    sections.push_back(std::move(section));
    dataIndex = sections.size();
  }
  if (sections.size() + 4 >= ELF::SHN_LORESERVE)
    return createStringError("cannot link the partitions: too many sections");

  // Section links: a relocation section to its symbol table (added after
  // the inputs' sections) and its target, a link-order section to the
  // section it follows.
  uint32_t symbolTableIndex = sections.size() + 1;
  for (auto [i, input] : llvm::enumerate(inputs)) {
    for (uint32_t index : input.sectionIndex) {
      if (index == 0)
        continue;
      SectionHeader &header = sections[index - 1].header;
      if (header.sh_type == ELF::SHT_RELA) {
        if (header.sh_info >= input.sectionIndex.size() ||
            input.sectionIndex[header.sh_info] == 0)
          return unsupported(i, "relocations for a section not kept");
        header.sh_link = symbolTableIndex;
        header.sh_info = input.sectionIndex[header.sh_info];
      } else if (header.sh_flags & ELF::SHF_LINK_ORDER) {
        if (header.sh_link >= input.sectionIndex.size() ||
            input.sectionIndex[header.sh_link] == 0)
          return unsupported(i, "a link-order section on no kept section");
        header.sh_link = input.sectionIndex[header.sh_link];
      } else if (header.sh_link != 0 ||
                 (header.sh_flags & ELF::SHF_INFO_LINK)) {
        return unsupported(i, "a section linked to another");
      }
    }
  }

  // Symbols: every input's locals and localized definitions get their
  // place now, globals a place in `globals`, undefined ones are bound below.
  StringTable names;
  std::vector<Symbol> locals, globals;
  StringMap<SymbolSlot> definitions;
  for (auto [i, input] : llvm::enumerate(inputs)) {
    uint32_t firstGlobal = input.firstGlobal;
    input.symbolSlot.assign(input.symbols.size(), SymbolSlot());
    for (auto [k, symbol] : llvm::enumerate(input.symbols)) {
      if (k == 0)
        continue;
      Expected<StringRef> name = symbol.getName(input.strings);
      if (!name)
        return name.takeError();
      Symbol output = symbol;
      output.st_name = names.add(*name);
      uint16_t index = symbol.st_shndx;
      if (index == ELF::SHN_XINDEX)
        return unsupported(i, "extended section indices");
      if (index != ELF::SHN_UNDEF && index < ELF::SHN_LORESERVE) {
        if (index >= input.sectionIndex.size())
          return unsupported(i, "a symbol in no section");
        output.st_shndx = input.sectionIndex[index];
        if (output.st_shndx == 0)
          continue; // in a dropped section; a relocation using it fails
      }
      bool defined = index != ELF::SHN_UNDEF;
      if (k < firstGlobal || (defined && localize.contains(*name))) {
        if (k >= firstGlobal) {
          output.setBinding(ELF::STB_LOCAL);
          output.setVisibility(ELF::STV_DEFAULT);
        }
        input.symbolSlot[k] = {SymbolSlot::Local, uint32_t(locals.size())};
        locals.push_back(output);
      } else if (defined) {
        input.symbolSlot[k] = {SymbolSlot::Global, uint32_t(globals.size())};
        globals.push_back(output);
      } else {
        continue; // bound once every definition is known
      }
      if (k >= firstGlobal &&
          !definitions.try_emplace(*name, input.symbolSlot[k]).second)
        return unsupported(i, "a second definition of '" + *name + "'");
    }
  }
  for (auto [symbol, offset] : llvm::zip_equal(data, dataOffsets)) {
    Symbol output;
    std::memset(&output, 0, sizeof(Symbol));
    output.st_name = names.add(symbol.name);
    output.setBindingAndType(ELF::STB_LOCAL, ELF::STT_OBJECT);
    output.st_shndx = dataIndex;
    output.st_value = offset;
    output.st_size = symbol.bytes.size();
    SymbolSlot slot{SymbolSlot::Local, uint32_t(locals.size())};
    locals.push_back(output);
    if (!definitions.try_emplace(symbol.name, slot).second)
      return createStringError("cannot link the partitions: data '" +
                               symbol.name + "' is defined twice");
  }
  // Undefined symbols: to a definition of another input or data, else one
  // undefined global per name.
  for (Input &input : inputs) {
    for (auto [k, symbol] : llvm::enumerate(input.symbols)) {
      if (k < input.firstGlobal || symbol.st_shndx != ELF::SHN_UNDEF)
        continue;
      Expected<StringRef> name = symbol.getName(input.strings);
      if (!name)
        return name.takeError();
      auto [it, inserted] = definitions.try_emplace(
          *name, SymbolSlot{SymbolSlot::Global, uint32_t(globals.size())});
      if (inserted) {
        Symbol output = symbol;
        output.st_name = names.add(*name);
        globals.push_back(output);
      } else if (it->second.kind == SymbolSlot::Global &&
                 symbol.getBinding() == ELF::STB_GLOBAL &&
                 globals[it->second.position].st_shndx == ELF::SHN_UNDEF) {
        // One strong reference makes the undefined symbol strong.
        globals[it->second.position].setBinding(ELF::STB_GLOBAL);
      }
      input.symbolSlot[k] = it->second;
    }
  }
  auto finalIndex = [&](const SymbolSlot &slot) -> uint32_t {
    return slot.kind == SymbolSlot::Local    ? 1 + slot.position
           : slot.kind == SymbolSlot::Global ? 1 + locals.size() + slot.position
                                             : 0;
  };
  for (auto [i, input] : llvm::enumerate(inputs)) {
    for (uint32_t index : input.sectionIndex) {
      if (index == 0)
        continue;
      for (Relocation &relocation : sections[index - 1].relocations) {
        uint32_t symbol = relocation.getSymbol(false);
        if (symbol == 0)
          continue;
        if (symbol >= input.symbolSlot.size() ||
            input.symbolSlot[symbol].kind == SymbolSlot::None)
          return unsupported(i, "a relocation against a dropped symbol");
        relocation.setSymbolAndType(finalIndex(input.symbolSlot[symbol]),
                                    relocation.getType(false), false);
      }
    }
  }

  // The three tables this writes itself, as sections.
  std::vector<Symbol> symbols(1 + locals.size() + globals.size());
  std::memset(symbols.data(), 0, sizeof(Symbol));
  llvm::copy(locals, symbols.begin() + 1);
  llvm::copy(globals, symbols.begin() + 1 + locals.size());
  auto table = [](StringRef name, uint32_t type, ArrayRef<uint8_t> bytes,
                  uint64_t alignment, uint64_t entrySize) {
    OutputSection section;
    std::memset(&section.header, 0, sizeof(SectionHeader));
    section.header.sh_type = type;
    section.header.sh_addralign = alignment;
    section.header.sh_entsize = entrySize;
    section.name = name;
    section.pieces.push_back({0, bytes});
    return section;
  };
  sections.push_back(
      table(".symtab", ELF::SHT_SYMTAB,
            ArrayRef(reinterpret_cast<const uint8_t *>(symbols.data()),
                     symbols.size() * sizeof(Symbol)),
            8, sizeof(Symbol)));
  sections.back().header.sh_link = symbolTableIndex + 1;
  sections.back().header.sh_info = 1 + locals.size();
  sections.push_back(table(".strtab", ELF::SHT_STRTAB,
                           arrayRefFromStringRef(names.contents()), 1, 0));
  StringTable sectionNames;
  for (OutputSection &section : sections)
    section.header.sh_name = sectionNames.add(section.name);
  uint32_t sectionNamesIndex = sections.size() + 1;
  sections.push_back(table(".shstrtab", ELF::SHT_STRTAB, {}, 1, 0));
  sections.back().header.sh_name = sectionNames.add(".shstrtab");
  sections.back().pieces = {
      {0, arrayRefFromStringRef(sectionNames.contents())}};

  // Layout, then the bytes in file order.
  uint64_t offset = sizeof(Header);
  for (OutputSection &section : sections) {
    uint64_t size = section.size();
    if (section.header.sh_type != ELF::SHT_NOBITS) {
      offset =
          alignTo(offset, std::max<uint64_t>(section.header.sh_addralign, 1));
      section.header.sh_size = size;
    }
    section.header.sh_offset = offset;
    if (section.header.sh_type != ELF::SHT_NOBITS)
      offset += size;
  }
  uint64_t headersOffset = alignTo(offset, 8);

  Header header = inputs[0].file.getHeader();
  header.e_shoff = headersOffset;
  header.e_shnum = sections.size() + 1;
  header.e_shstrndx = sectionNamesIndex;
  header.e_phoff = 0;
  header.e_phnum = 0;
  writeRaw(os, header);
  offset = sizeof(Header);
  for (const OutputSection &section : sections) {
    if (section.header.sh_type == ELF::SHT_NOBITS)
      continue;
    os.write_zeros(section.header.sh_offset - offset);
    offset = section.header.sh_offset;
    for (const Relocation &relocation : section.relocations)
      writeRaw(os, relocation);
    uint64_t written = 0;
    for (const Piece &piece : section.pieces) {
      os.write_zeros(piece.offset - written);
      os.write(reinterpret_cast<const char *>(piece.bytes.data()),
               piece.bytes.size());
      written = piece.offset + piece.bytes.size();
    }
    offset += section.header.sh_size;
  }
  os.write_zeros(headersOffset - offset);
  SectionHeader null;
  std::memset(&null, 0, sizeof(null));
  writeRaw(os, null);
  for (const OutputSection &section : sections)
    writeRaw(os, section.header);
  return Error::success();
}
