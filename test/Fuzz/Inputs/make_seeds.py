"""Writes the fuzzer's seed corpus into a folder: every ONNX text model of
the importer's tests (test/Import, split at their `#--- name.onnxtxt`
markers), each also as binary protobuf, and the hostile models of
test/Import/Inputs/make_malformed.py.

    make_seeds.py OUTPUT_DIR
"""

import re
import subprocess
import sys
from pathlib import Path

import onnx
import onnx.parser

ROOT = Path(__file__).resolve().parents[3]


def text_models():
    """(name, text) of every ONNX text model in test/Import."""
    for path in sorted((ROOT / "test" / "Import").glob("*.onnxtxt")):
        parts = re.split(r"^#--- (\S+)\n", path.read_text(), flags=re.MULTILINE)
        if len(parts) == 1:
            yield path.name, parts[0]
        for name, text in zip(parts[1::2], parts[2::2]):
            yield f"{path.stem}-{name}", text


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in text_models():
        # The fuzz target reads bytes starting with '<' as text: drop the
        # leading comments.
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        body = body.lstrip()
        if not body.startswith("<"):
            continue
        (out / f"{name}.txt").write_text(body)
        count += 1
        try:
            model = onnx.parser.parse_model(body)
        except Exception:  # a deliberately malformed text model
            continue
        (out / f"{name}.onnx").write_bytes(model.SerializeToString())
        count += 1
    malformed = out / "malformed"
    subprocess.run([sys.executable, str(ROOT / "test" / "Import" / "Inputs" / "make_malformed.py"),
                    str(malformed)], check=True)
    for path in sorted(malformed.rglob("*")):
        if path.is_file() and path.suffix in (".onnx", ".onnxtxt"):
            (out / f"malformed-{path.name}").write_bytes(path.read_bytes())
            count += 1
    print(f"make_seeds: {count} seeds in {out}")


if __name__ == "__main__":
    main()
