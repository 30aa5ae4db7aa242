"""A PEP 517 build backend for the ghostc Python module, in the tree.

pip builds a project in an isolated environment where it first installs the
backend the project names; a backend from PyPI (setuptools, flit) would need
a download, which ghostc never does. This one needs only the standard
library: the module is pure Python, so its wheel is a zip of ``ghostc/`` and
a ``.dist-info`` folder (https://packaging.python.org/specifications/).
"""

import base64
import hashlib
import io
import re
import tarfile
import tomllib
import zipfile
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_PACKAGE = "ghostc"
# Fixed timestamps keep the archives byte-identical from build to build.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _project() -> dict:
    with open(_ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]


def _version() -> str:
    text = (_ROOT / _PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise RuntimeError(f"no __version__ in {_PACKAGE}/__init__.py")
    return match.group(1)


def _metadata() -> str:
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {_version()}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    lines += [f"Requires-Dist: {dep}" for dep in project.get("dependencies", [])]
    readme = project.get("readme")
    if readme:
        lines.append("Description-Content-Type: text/markdown")
        return "\n".join(lines) + "\n\n" + (_ROOT / readme).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n"


def _sources() -> list:
    return sorted(path for path in (_ROOT / _PACKAGE).rglob("*.py")
                  if "__pycache__" not in path.parts)


def _write_wheel(directory: str, files: dict) -> str:
    """Writes `files` (archive name -> bytes) and the .dist-info as a wheel."""
    name = f"{_PACKAGE}-{_version()}"
    dist_info = f"{name}.dist-info"
    files = dict(files)
    files[f"{dist_info}/METADATA"] = _metadata().encode()
    files[f"{dist_info}/WHEEL"] = (
        "Wheel-Version: 1.0\nGenerator: ghostc_backend\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n").encode()
    record = []
    for archive_name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
        record.append(f"{archive_name},sha256={digest.rstrip(b'=').decode()},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel_name = f"{name}-py3-none-any.whl"
    with zipfile.ZipFile(Path(directory) / wheel_name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for archive_name, data in files.items():
            info = zipfile.ZipInfo(archive_name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return wheel_name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, {
        path.relative_to(_ROOT).as_posix(): path.read_bytes() for path in _sources()})


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # A .pth file puts this source tree on sys.path (PEP 660).
    return _write_wheel(wheel_directory, {f"_{_PACKAGE}_editable.pth": f"{_ROOT}\n".encode()})


def build_sdist(sdist_directory, config_settings=None):
    name = f"{_PACKAGE}-{_version()}"
    members = [_ROOT / "pyproject.toml", _ROOT / "README.md",
               *sorted((_ROOT / "backend").glob("*.py")), *_sources()]
    sdist_name = f"{name}.tar.gz"
    with tarfile.open(Path(sdist_directory) / sdist_name, "w:gz") as sdist:
        pkg_info = _metadata().encode()
        info = tarfile.TarInfo(f"{name}/PKG-INFO")
        info.size = len(pkg_info)
        sdist.addfile(info, io.BytesIO(pkg_info))
        for path in members:
            sdist.add(path, f"{name}/{path.relative_to(_ROOT).as_posix()}", recursive=False)
    return sdist_name
