"""The module as users install it: a wheel from the in-tree build backend,
`pip install ./python` with no download, and one version everywhere."""

import base64
import hashlib
import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import ghostc

PYTHON_DIR = Path(__file__).resolve().parent.parent
REPO = PYTHON_DIR.parent


def _backend():
    spec = importlib.util.spec_from_file_location(
        "ghostc_backend", PYTHON_DIR / "backend" / "ghostc_backend.py")
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    return backend


def test_one_version():
    cmake = (REPO / "CMakeLists.txt").read_text()
    project = re.search(r"project\(ghostc VERSION ([0-9.]+)", cmake).group(1)
    assert ghostc.__version__ == project


def test_wheel(tmp_path):
    backend = _backend()
    assert backend.get_requires_for_build_wheel() == []
    name = backend.build_wheel(str(tmp_path))
    assert name == f"ghostc-{ghostc.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(tmp_path / name) as wheel:
        names = set(wheel.namelist())
        dist_info = f"ghostc-{ghostc.__version__}.dist-info"
        sources = {p.relative_to(PYTHON_DIR).as_posix()
                   for p in (PYTHON_DIR / "ghostc").glob("*.py")}
        assert sources and sources <= names
        assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
        metadata = wheel.read(f"{dist_info}/METADATA").decode()
        assert f"Version: {ghostc.__version__}\n" in metadata
        assert "Requires-Dist: numpy\n" in metadata
        # RECORD lists every other file with its hash and size.
        record = wheel.read(f"{dist_info}/RECORD").decode().splitlines()
        assert len(record) == len(names)
        for line in record:
            path, digest, size = line.rsplit(",", 2)
            if path == f"{dist_info}/RECORD":
                continue
            data = wheel.read(path)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
            assert digest == "sha256=" + expected.rstrip(b"=").decode()
            assert int(size) == len(data)
    # Byte-identical from build to build.
    again = tmp_path / "again"
    again.mkdir()
    backend.build_wheel(str(again))
    assert (again / name).read_bytes() == (tmp_path / name).read_bytes()


def test_pip_install(tmp_path):
    """pip installs the module offline into a virtual environment that sees
    Debian's numpy; it imports from there, not from the source tree."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--quiet",
                    str(PYTHON_DIR)], check=True)
    out = subprocess.run(
        [str(python), "-c", "import ghostc; print(ghostc.__file__, ghostc.__version__)"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"}).stdout.split()
    assert Path(out[0]).is_relative_to(venv)
    assert out[1] == ghostc.__version__
